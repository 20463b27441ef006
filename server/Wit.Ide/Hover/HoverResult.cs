using Wit.Core.Text;

namespace Wit.Ide.Hover;

/// <summary>What hover shows: the span of the hovered name and Markdown (a fenced <c>wit</c> block, docs, ABI tables).</summary>
/// <param name="Span">The hovered name's span in the document (the range the editor highlights).</param>
/// <param name="Markdown">The hover's contents as Markdown.</param>
public sealed record HoverResult(TextSpan Span, string Markdown);
