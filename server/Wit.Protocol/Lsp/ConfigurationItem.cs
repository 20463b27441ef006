using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A configuration section the server asks for.</summary>
public sealed class ConfigurationItem
{
    /// <summary>The scope to get the configuration section for.</summary>
    public string? ScopeUri { get; set; }

    /// <summary>The configuration section asked for.</summary>
    public string? Section { get; set; }
}
