namespace Wit.Runtime.Text;

/// <summary>
/// Malformed WebAssembly text: a <see cref="WasmException"/> of kind <see cref="WasmErrorKind.Malformed"/> whose
/// message starts with the 1-based line and column of the problem (columns count UTF-8 code points).
/// <see cref="WasmException.Reason"/> is the spec's wording where the spec has one ("unknown operator").
/// </summary>
public sealed class WatSyntaxException : WasmException
{
    public WatSyntaxException(int line, int column, string reason)
        : base(WasmErrorKind.Malformed, -1, reason, $"{line}:{column}: {reason}")
    {
        Line = line;
        Column = column;
    }

    /// <summary>The 1-based line.</summary>
    public int Line { get; }

    /// <summary>The 1-based column, in code points.</summary>
    public int Column { get; }
}
