using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A reference to a command the client can execute.</summary>
public sealed class Command
{
    /// <summary>The title of the command, like <c>save</c>.</summary>
    public required string Title { get; set; }

    /// <summary>The identifier of the command handler (the JSON member <c>command</c>; C# does not allow a member named after its class).</summary>
    [JsonPropertyName("command")]
    public required string CommandName { get; set; }

    /// <summary>Arguments the command handler is invoked with.</summary>
    public JsonElement[]? Arguments { get; set; }
}
