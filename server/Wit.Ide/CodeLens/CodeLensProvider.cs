using System.Collections.Generic;
using System.Threading;
using Wit.Core.Abi;
using Wit.Core.Semantics;
using Wit.Ide.Analysis;

namespace Wit.Ide.CodeLens;

/// <summary>
/// Code lenses (<c>textDocument/codeLens</c>): above each named type, its Canonical ABI size and alignment; above each
/// function, what a call of it as an export costs the callee: <c>allocates per call (cabi_realloc: ...)</c> when the
/// component's allocator runs, <c>return pointer</c> when results come back through memory, else <c>no allocation</c>.
/// </summary>
public static class CodeLensProvider
{
    /// <summary>The lenses of <paramref name="path"/>, in offset order.</summary>
    public static IReadOnlyList<CodeLensResult> Lenses(IdeSnapshot snapshot, string path, CancellationToken cancellationToken = default)
    {
        var lenses = new List<CodeLensResult>();
        if (snapshot.AnalysisOf(path) is not { } analysis) return lenses;
        var abi = new CanonicalAbi(snapshot.Options.Memory64);
        foreach (var declaration in analysis.Symbols.DeclarationsIn(path))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var span = declaration.Declaration!.Span;
            switch (declaration.Symbol)
            {
                case TypeDefinition { Name: not null, Kind: TypeDefinitionKind.Resource }:
                    lenses.Add(new CodeLensResult(span, "handle · size 4 · align 4"));
                    break;
                case TypeDefinition { Name: not null, Kind: not TypeDefinitionKind.Error } type when abi.Layout(type) is { } layout:
                    lenses.Add(new CodeLensResult(span, $"size {layout.Size} · align {layout.Alignment}"));
                    break;
                case Function function when AbiFacts.For(function, abi, export: true) is { } facts:
                    lenses.Add(new CodeLensResult(span, Title(facts)));
                    break;
            }
        }

        return lenses;
    }

    private static string Title(FunctionAbiFacts facts)
    {
        var parts = new List<string>();
        if (facts.AllocatesInCalleePerCall)
        {
            var reasons = new List<string>();
            int count = facts.ReallocParameters.Count;
            if (count > 0) reasons.Add($"{count} {(count == 1 ? "param" : "params")}");
            if (facts.ReallocForSpilledParameters) reasons.Add("spilled params");
            parts.Add($"allocates per call (cabi_realloc: {string.Join(", ", reasons)})");
        }

        if (facts.NeedsReturnPointer) parts.Add("return pointer");
        return parts.Count == 0 ? "no allocation" : string.Join(" · ", parts);
    }
}
