namespace Wit.Cli.Abi;

/// <summary>One case of a variant, enum, option or result, with the size of its payload (0 without one).</summary>
public sealed class AbiCaseReport
{
    public string Name { get; set; } = string.Empty;

    /// <summary>The payload type as WIT; null when the case has none.</summary>
    public string? Payload { get; set; }

    public long PayloadSize { get; set; }
}
