namespace Wit.Cli.Json;

/// <summary>
/// One diagnostic in a <see cref="FileReport"/>: its location as one-based line and column (columns in Unicode scalar
/// values, as the text output prints them), as UTF-16 code-unit offsets (what LSP uses) and as UTF-8 byte offsets
/// (what wit-parser uses).
/// </summary>
public sealed class DiagnosticReport
{
    public string Code { get; set; } = string.Empty;

    /// <summary><c>error</c>, <c>warning</c>, <c>info</c> or <c>hint</c>.</summary>
    public string Severity { get; set; } = string.Empty;

    public string Message { get; set; } = string.Empty;

    public DisplayPosition Start { get; set; } = new();

    public DisplayPosition End { get; set; } = new();

    /// <summary>The start as a UTF-16 code-unit offset.</summary>
    public int StartOffset { get; set; }

    /// <summary>The length in UTF-16 code units.</summary>
    public int Length { get; set; }

    /// <summary>The start as a UTF-8 byte offset.</summary>
    public int Utf8StartOffset { get; set; }

    /// <summary>The length in UTF-8 bytes.</summary>
    public int Utf8Length { get; set; }
}
