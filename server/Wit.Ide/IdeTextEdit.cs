using Wit.Core.Text;

namespace Wit.Ide;

/// <summary>Replace <see cref="Span"/> of a document with <see cref="NewText"/>.</summary>
public readonly record struct IdeTextEdit(TextSpan Span, string NewText);
