namespace Wit.Core.Formatting;

/// <summary>
/// A top-level item or a body member, as a pair of matching stretches of the original text and of the formatted
/// text. A region runs from the end of the token before it to the end of its own last token, so it owns the
/// whitespace and comments in front of it; consecutive regions tile both texts, which lets range formatting replace
/// a region's original text by its formatted text without touching anything else.
/// </summary>
internal sealed class FormatRegion
{
    public FormatRegion(int parent, int originalStart, int outputStart)
    {
        Parent = parent;
        OriginalStart = originalStart;
        OutputStart = outputStart;
    }

    /// <summary>The index of the enclosing region, or -1 for a top-level item.</summary>
    public int Parent { get; }

    public int OriginalStart { get; }

    public int OriginalEnd { get; set; }

    public int OutputStart { get; }

    public int OutputEnd { get; set; }
}
