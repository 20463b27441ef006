using System.Collections.Generic;
using Wit.Core.Text;

namespace Wit.Ide.Symbols;

/// <summary>
/// One declaration of a document outline: its name, a one-line detail (a function's signature, a field's type), its
/// kind, the whole item's span (attributes included, doc comments not), the name's span, and the items it contains.
/// </summary>
public sealed record DocumentSymbolResult(
    string Name,
    string? Detail,
    IdeSymbolKind Kind,
    TextSpan Span,
    TextSpan SelectionSpan,
    IReadOnlyList<DocumentSymbolResult> Children);
