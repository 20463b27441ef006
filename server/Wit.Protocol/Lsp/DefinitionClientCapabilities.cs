using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Client capabilities for go to definition.</summary>
public sealed class DefinitionClientCapabilities
{
    /// <summary>Whether the client supports <see cref="LocationLink"/> results.</summary>
    public bool? LinkSupport { get; set; }
}
