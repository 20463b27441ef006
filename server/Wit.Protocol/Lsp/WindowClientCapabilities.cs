using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Window-specific client capabilities.</summary>
public sealed class WindowClientCapabilities
{
    /// <summary>Whether the client supports server-initiated progress via <c>window/workDoneProgress/create</c>.</summary>
    public bool? WorkDoneProgress { get; set; }
}
