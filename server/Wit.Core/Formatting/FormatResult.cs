using System.Collections.Generic;

namespace Wit.Core.Formatting;

/// <summary>The formatted text of a document and the regions that map it back to the original.</summary>
internal sealed class FormatResult
{
    public FormatResult(string text, IReadOnlyList<FormatRegion> regions)
    {
        Text = text;
        Regions = regions;
    }

    public string Text { get; }

    /// <summary>Top-level items and body members in document order, parents before their children.</summary>
    public IReadOnlyList<FormatRegion> Regions { get; }
}
