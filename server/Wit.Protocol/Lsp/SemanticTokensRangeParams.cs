using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>textDocument/semanticTokens/range</c>.</summary>
public sealed class SemanticTokensRangeParams
{
    /// <summary>The text document.</summary>
    public required TextDocumentIdentifier TextDocument { get; set; }

    /// <summary>The range the semantic tokens are requested for.</summary>
    public required Range Range { get; set; }
}
