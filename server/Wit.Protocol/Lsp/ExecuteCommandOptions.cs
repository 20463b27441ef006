using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The server's execute command capability.</summary>
public sealed class ExecuteCommandOptions
{
    /// <summary>The commands the server executes.</summary>
    public string[] Commands { get; set; } = [];
}
