using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>textDocument/semanticTokens/full</c>.</summary>
public sealed class SemanticTokensParams
{
    /// <summary>The text document.</summary>
    public required TextDocumentIdentifier TextDocument { get; set; }
}
