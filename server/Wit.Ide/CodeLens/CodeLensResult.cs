using Wit.Core.Text;

namespace Wit.Ide.CodeLens;

/// <summary>One code lens: a title shown above the declaration whose name is at <paramref name="Span"/>.</summary>
/// <param name="Span">The declared name's span (the lens's range).</param>
/// <param name="Title">The text shown (<c>size 12 · align 4</c>, <c>allocates per call (cabi_realloc: 2 params)</c>).</param>
public sealed record CodeLensResult(TextSpan Span, string Title);
