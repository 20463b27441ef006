using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Information about the server.</summary>
public sealed class ServerInfo
{
    /// <summary>The name of the server as defined by the server.</summary>
    public required string Name { get; set; }

    /// <summary>The server's version as defined by the server.</summary>
    public string? Version { get; set; }
}
