using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>General parameters to unregister a capability.</summary>
public sealed class Unregistration
{
    /// <summary>The id used to register the request.</summary>
    public required string Id { get; set; }

    /// <summary>The method or capability to unregister.</summary>
    public required string Method { get; set; }
}
