using System.Collections.Generic;

namespace Wit.Ide.Preview;

/// <summary>The WITX derived from a WIT interface or world, for the <c>wit/witxPreview</c> pane.</summary>
/// <param name="Name">The interface's or world's qualified name.</param>
/// <param name="Kind"><c>interface</c> or <c>world</c>.</param>
/// <param name="Witx">The derived WITX document.</param>
/// <param name="Warnings">What WITX could not express (resources, async, streams, ...), one message each.</param>
/// <param name="Focus">The type or function under the cursor, for the pane to scroll to; null when asked by name or between items.</param>
public sealed record WitxPreviewResult(string Name, string Kind, string Witx, IReadOnlyList<string> Warnings, WitxPreviewFocus? Focus = null);
