namespace Wit.Cli.Abi;

/// <summary>One record field or tuple element: where it sits and how much room it takes.</summary>
public sealed class AbiFieldReport
{
    public string Name { get; set; } = string.Empty;

    /// <summary>The field's type as WIT.</summary>
    public string Type { get; set; } = string.Empty;

    public long Offset { get; set; }

    public long Size { get; set; }

    public int Alignment { get; set; }
}
