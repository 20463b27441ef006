using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Information about the client.</summary>
public sealed class ClientInfo
{
    /// <summary>The name of the client as defined by the client.</summary>
    public required string Name { get; set; }

    /// <summary>The client's version as defined by the client.</summary>
    public string? Version { get; set; }
}
