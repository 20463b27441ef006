using Wit.Core.Text;

namespace Wit.Ide.Navigation;

/// <summary>One occurrence of the symbol under the cursor in the current document.</summary>
public readonly record struct IdeHighlight(TextSpan Span, IdeHighlightKind Kind);
