using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of the <c>workspace/configuration</c> request; the result is <c>JsonElement[]</c>, one per item.</summary>
public sealed class ConfigurationParams
{
    /// <summary>The configuration sections asked for.</summary>
    public required ConfigurationItem[] Items { get; set; }
}
