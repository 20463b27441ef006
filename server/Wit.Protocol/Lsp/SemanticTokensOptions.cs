using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The server's semantic tokens capability.</summary>
public sealed class SemanticTokensOptions
{
    /// <summary>The legend used by the server.</summary>
    public required SemanticTokensLegend Legend { get; set; }

    /// <summary>Whether the server supports <c>textDocument/semanticTokens/range</c>.</summary>
    public bool? Range { get; set; }

    /// <summary>Whether and how the server supports full-document semantic tokens.</summary>
    public SemanticTokensFullOptions? Full { get; set; }
}
