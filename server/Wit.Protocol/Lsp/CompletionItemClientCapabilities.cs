using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Client capabilities for completion items.</summary>
public sealed class CompletionItemClientCapabilities
{
    /// <summary>Whether the client supports snippets as insert text.</summary>
    public bool? SnippetSupport { get; set; }

    /// <summary>Whether the client supports <see cref="CompletionItem.LabelDetails"/>.</summary>
    public bool? LabelDetailsSupport { get; set; }

    /// <summary>The content formats the client supports for documentation, in order of preference.</summary>
    public string[]? DocumentationFormat { get; set; }
}
