namespace Wit.Cli.Abi;

/// <summary>
/// Counts over a world's functions, each in the direction the world uses it (imports lowered by the component,
/// exports lifted into it).
/// </summary>
public sealed class AbiWorldSummaryReport
{
    public int Functions { get; set; }

    public int Imported { get; set; }

    public int Exported { get; set; }

    /// <summary>Functions for which the component's <c>cabi_realloc</c> runs on every call.</summary>
    public int AllocatePerCall { get; set; }

    /// <summary>Functions with more than 16 flat parameters.</summary>
    public int SpillParameters { get; set; }

    /// <summary>Functions whose results come back through memory.</summary>
    public int ReturnThroughMemory { get; set; }

    /// <summary>Exported functions that need a post-return.</summary>
    public int NeedPostReturn { get; set; }
}
