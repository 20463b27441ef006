namespace Wit.Cli.Json;

/// <summary>A place a <see cref="CheckDiagnosticReport"/> refers to, with its note.</summary>
public sealed class RelatedLocationReport
{
    public string Message { get; set; } = string.Empty;

    public string Path { get; set; } = string.Empty;

    public DisplayPosition Start { get; set; } = new();

    public DisplayPosition End { get; set; } = new();
}
