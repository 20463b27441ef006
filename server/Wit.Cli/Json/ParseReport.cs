using System.Collections.Generic;

namespace Wit.Cli.Json;

/// <summary>The JSON document <c>wit parse --format json</c> prints.</summary>
public sealed class ParseReport
{
    public List<FileReport> Files { get; set; } = new();

    public int FileCount { get; set; }

    public int ErrorCount { get; set; }

    public int WarningCount { get; set; }
}
