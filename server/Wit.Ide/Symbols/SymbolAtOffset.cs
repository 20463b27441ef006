using Wit.Core.Text;

namespace Wit.Ide.Symbols;

/// <summary>The symbol under a cursor: the name's span in the document and whether that name declares it.</summary>
public sealed record SymbolAtOffset(SymbolTarget Target, TextSpan Span, bool IsDeclaration);
