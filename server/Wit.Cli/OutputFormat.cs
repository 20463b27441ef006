namespace Wit.Cli;

/// <summary>How a command prints its results on standard output.</summary>
public enum OutputFormat
{
    /// <summary>Human-readable, rustc-style diagnostics.</summary>
    Text,

    /// <summary>One JSON document.</summary>
    Json,
}
