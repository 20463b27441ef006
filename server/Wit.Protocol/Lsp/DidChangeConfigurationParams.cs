using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>workspace/didChangeConfiguration</c>.</summary>
public sealed class DidChangeConfigurationParams
{
    /// <summary>The actual changed settings.</summary>
    public JsonElement? Settings { get; set; }
}
