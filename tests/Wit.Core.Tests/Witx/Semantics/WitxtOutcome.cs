namespace Wit.Core.Tests.Witx.Semantics;

/// <summary>One directive of a <c>.witxt</c> file and whether it held.</summary>
/// <remarks>
/// <see cref="MissingFiles"/> marks a directive that failed only because the files it loads are not in the corpus: the
/// <c>wasi-0.1-branch</c> snapshot keeps the crate's tests but moved <c>phases/</c> to <c>preview0/</c> and
/// <c>preview1/</c>, so its <c>wasi.witxt</c> loads files that are not there (the <c>phases-2023-01</c> copy has them).
/// </remarks>
internal sealed record WitxtOutcome(string File, int Line, string Kind, bool Held, string Detail, bool MissingFiles = false)
{
    public override string ToString() => $"{File}:{Line} {Kind}: {(Held ? "held" : MissingFiles ? "files missing from the corpus" : "FAILED")} {Detail}";
}
