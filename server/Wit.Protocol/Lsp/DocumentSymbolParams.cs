using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>textDocument/documentSymbol</c>; the result is <c>DocumentSymbol[]</c>.</summary>
public sealed class DocumentSymbolParams
{
    /// <summary>The text document.</summary>
    public required TextDocumentIdentifier TextDocument { get; set; }
}
