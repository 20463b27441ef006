using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Client capabilities for semantic tokens.</summary>
public sealed class SemanticTokensClientCapabilities
{
    /// <summary>Whether the client supports dynamic registration.</summary>
    public bool? DynamicRegistration { get; set; }

    /// <summary>Which requests the client sends (<c>range</c>, <c>full</c>, <c>full.delta</c>); kept raw because LSP allows booleans or objects there.</summary>
    public JsonElement? Requests { get; set; }

    /// <summary>The token types the client supports.</summary>
    public string[] TokenTypes { get; set; } = [];

    /// <summary>The token modifiers the client supports.</summary>
    public string[] TokenModifiers { get; set; } = [];

    /// <summary>The token formats the client supports (<c>relative</c>).</summary>
    public string[] Formats { get; set; } = [];

    /// <summary>Whether the client supports tokens that overlap each other.</summary>
    public bool? OverlappingTokenSupport { get; set; }

    /// <summary>Whether the client supports tokens that span multiple lines.</summary>
    public bool? MultilineTokenSupport { get; set; }
}
