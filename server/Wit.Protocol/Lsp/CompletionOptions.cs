using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The server's completion capability.</summary>
public sealed class CompletionOptions
{
    /// <summary>Characters that trigger completion automatically.</summary>
    public string[]? TriggerCharacters { get; set; }

    /// <summary>Characters that commit any completion item.</summary>
    public string[]? AllCommitCharacters { get; set; }

    /// <summary>Whether the server supports <c>completionItem/resolve</c>.</summary>
    public bool? ResolveProvider { get; set; }
}
