namespace Wit.Cli.Json;

/// <summary>A one-based line and one-based column.</summary>
public sealed class DisplayPosition
{
    public int Line { get; set; }

    public int Column { get; set; }
}
