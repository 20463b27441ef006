using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Client capabilities for <c>workspace/didChangeWatchedFiles</c>.</summary>
public sealed class DidChangeWatchedFilesClientCapabilities
{
    /// <summary>Whether the client supports dynamic registration of file watchers.</summary>
    public bool? DynamicRegistration { get; set; }

    /// <summary>Whether the client supports relative glob patterns.</summary>
    public bool? RelativePatternSupport { get; set; }
}
