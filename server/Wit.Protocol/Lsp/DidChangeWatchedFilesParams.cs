using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>workspace/didChangeWatchedFiles</c>.</summary>
public sealed class DidChangeWatchedFilesParams
{
    /// <summary>The actual file events.</summary>
    public required FileEvent[] Changes { get; set; }
}
