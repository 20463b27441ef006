using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The server's support for full-document semantic tokens. LSP also allows a bare boolean here; this library always sends the object.</summary>
public sealed class SemanticTokensFullOptions
{
    /// <summary>Whether the server supports <c>textDocument/semanticTokens/full/delta</c>.</summary>
    public bool? Delta { get; set; }
}
