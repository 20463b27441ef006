using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>textDocument/semanticTokens/full/delta</c>; the result is a <see cref="SemanticTokensFullDeltaResult"/>.</summary>
public sealed class SemanticTokensDeltaParams
{
    /// <summary>The text document.</summary>
    public required TextDocumentIdentifier TextDocument { get; set; }

    /// <summary>The result id of a previous response, either full or delta.</summary>
    public required string PreviousResultId { get; set; }
}
