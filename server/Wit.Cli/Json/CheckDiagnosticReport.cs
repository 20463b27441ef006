using System.Collections.Generic;

namespace Wit.Cli.Json;

/// <summary>
/// One diagnostic in a <see cref="CheckReport"/>: as in <c>wit parse</c>'s <see cref="DiagnosticReport"/>, plus the
/// file it is in and the related places it names. Location members are absent for a diagnostic without a document.
/// </summary>
public sealed class CheckDiagnosticReport
{
    public string Code { get; set; } = string.Empty;

    /// <summary><c>error</c>, <c>warning</c>, <c>info</c> or <c>hint</c>.</summary>
    public string Severity { get; set; } = string.Empty;

    public string Message { get; set; } = string.Empty;

    /// <summary>The file, as its path was given (relative paths stay relative), with '/' separators.</summary>
    public string? Path { get; set; }

    public DisplayPosition? Start { get; set; }

    public DisplayPosition? End { get; set; }

    /// <summary>The start as a UTF-16 code-unit offset.</summary>
    public int? StartOffset { get; set; }

    /// <summary>The length in UTF-16 code units.</summary>
    public int? Length { get; set; }

    /// <summary>The start as a UTF-8 byte offset.</summary>
    public int? Utf8StartOffset { get; set; }

    /// <summary>The length in UTF-8 bytes.</summary>
    public int? Utf8Length { get; set; }

    /// <summary>Other places the diagnostic refers to (the previous definition, the rest of a cycle); absent when none.</summary>
    public List<RelatedLocationReport>? Related { get; set; }
}
