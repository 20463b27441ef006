namespace Wit.Ide.InlayHints;

/// <summary>One inlay hint: text shown at an offset, not part of the document.</summary>
/// <param name="Offset">Where the hint is shown (it sits before the character at this offset).</param>
/// <param name="Label">The hint's text.</param>
/// <param name="Kind">What it annotates, or null.</param>
/// <param name="PaddingLeft">Whether the editor adds a space before the hint.</param>
/// <param name="PaddingRight">Whether the editor adds a space after the hint.</param>
/// <param name="Tooltip">Longer text shown on hover over the hint (Markdown), or null.</param>
public sealed record InlayHintResult(int Offset, string Label, InlayHintKind? Kind, bool PaddingLeft, bool PaddingRight, string? Tooltip);
