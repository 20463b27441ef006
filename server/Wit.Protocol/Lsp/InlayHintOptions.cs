using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The server's inlay hint capability.</summary>
public sealed class InlayHintOptions
{
    /// <summary>Whether the server supports <c>inlayHint/resolve</c>.</summary>
    public bool? ResolveProvider { get; set; }
}
