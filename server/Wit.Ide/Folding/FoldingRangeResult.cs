namespace Wit.Ide.Folding;

/// <summary>
/// A foldable range: <see cref="StartOffset"/> is on the first line (the opening brace, parenthesis or comment start)
/// and <see cref="EndOffset"/> on the last line to fold (the end of the last content before a closing brace, so the
/// brace stays visible; the end of the last comment or <c>use</c>). Always on different lines.
/// </summary>
public readonly record struct FoldingRangeResult(int StartOffset, int EndOffset, FoldingKind Kind);
