using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The server's code lens capability.</summary>
public sealed class CodeLensOptions
{
    /// <summary>Whether the server supports <c>codeLens/resolve</c>.</summary>
    public bool? ResolveProvider { get; set; }
}
