using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>$/logTrace</c>.</summary>
public sealed class LogTraceParams
{
    /// <summary>The message to be logged.</summary>
    public required string Message { get; set; }

    /// <summary>Additional information, when the trace setting is <c>verbose</c>.</summary>
    public string? Verbose { get; set; }
}
