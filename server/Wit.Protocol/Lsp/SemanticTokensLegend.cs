using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The token types and modifiers that semantic token data indexes into.</summary>
public sealed class SemanticTokensLegend
{
    /// <summary>The token types; a token's type is an index into this array.</summary>
    public required string[] TokenTypes { get; set; }

    /// <summary>The token modifiers; a token's modifiers are a bit set over this array.</summary>
    public required string[] TokenModifiers { get; set; }
}
