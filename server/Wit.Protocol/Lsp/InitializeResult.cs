using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The result of the <c>initialize</c> request.</summary>
public sealed class InitializeResult
{
    /// <summary>The capabilities the language server provides.</summary>
    public required ServerCapabilities Capabilities { get; set; }

    /// <summary>Information about the server.</summary>
    public ServerInfo? ServerInfo { get; set; }
}
