using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>workspace/executeCommand</c>.</summary>
public sealed class ExecuteCommandParams
{
    /// <summary>The identifier of the actual command handler.</summary>
    public required string Command { get; set; }

    /// <summary>Arguments that the command should be invoked with.</summary>
    public JsonElement[]? Arguments { get; set; }
}
