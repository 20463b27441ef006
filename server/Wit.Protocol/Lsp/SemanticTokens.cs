using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Semantic tokens of a document, encoded as five integers per token relative to the previous token.</summary>
public sealed class SemanticTokens
{
    /// <summary>An optional result id, to ask for a delta next time.</summary>
    public string? ResultId { get; set; }

    /// <summary>The encoded tokens: delta line, delta start character, length, token type, token modifiers.</summary>
    public required int[] Data { get; set; }
}
