using System.Collections.Generic;

namespace Wit.Cli.Json;

/// <summary>One parsed file in a <see cref="ParseReport"/>.</summary>
public sealed class FileReport
{
    /// <summary>The path relative to the working directory, with '/' separators.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary><c>wit</c> or <c>witx</c>.</summary>
    public string Language { get; set; } = string.Empty;

    public List<DiagnosticReport> Diagnostics { get; set; } = new();

    /// <summary>The printed syntax tree, present only with <c>--tree</c>.</summary>
    public string? Tree { get; set; }
}
