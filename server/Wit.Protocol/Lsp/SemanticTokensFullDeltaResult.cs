using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The result of <c>textDocument/semanticTokens/full/delta</c>, which LSP types as <see cref="SemanticTokens"/> or <see cref="SemanticTokensDelta"/>: set <see cref="Data"/> for full tokens or <see cref="Edits"/> for a delta; the other stays null and is omitted.</summary>
public sealed class SemanticTokensFullDeltaResult
{
    /// <summary>An optional result id, to ask for a delta next time.</summary>
    public string? ResultId { get; set; }

    /// <summary>The full encoded tokens, when answering with full tokens.</summary>
    public int[]? Data { get; set; }

    /// <summary>The edits, when answering with a delta.</summary>
    public SemanticTokensEdit[]? Edits { get; set; }
}
