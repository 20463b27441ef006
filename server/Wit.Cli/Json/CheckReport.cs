using System.Collections.Generic;

namespace Wit.Cli.Json;

/// <summary>The JSON document <c>wit check --format json</c> prints.</summary>
public sealed class CheckReport
{
    /// <summary>The package root as given on the command line.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>Every diagnostic, syntax and resolution, in the order wit-parser would meet them.</summary>
    public List<CheckDiagnosticReport> Diagnostics { get; set; } = new();

    /// <summary>The WIT files read, dependencies included.</summary>
    public int FileCount { get; set; }

    /// <summary>The packages resolved (a package that failed to resolve is still counted).</summary>
    public int PackageCount { get; set; }

    public int ErrorCount { get; set; }

    public int WarningCount { get; set; }
}
