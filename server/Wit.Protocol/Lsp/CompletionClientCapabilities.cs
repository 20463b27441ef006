using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Client capabilities for completion.</summary>
public sealed class CompletionClientCapabilities
{
    /// <summary>Capabilities specific to completion items.</summary>
    public CompletionItemClientCapabilities? CompletionItem { get; set; }
}
