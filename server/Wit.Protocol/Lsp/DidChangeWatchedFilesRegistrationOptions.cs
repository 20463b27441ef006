using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The registration options of <c>workspace/didChangeWatchedFiles</c>.</summary>
public sealed class DidChangeWatchedFilesRegistrationOptions
{
    /// <summary>The watchers to register.</summary>
    public required FileSystemWatcher[] Watchers { get; set; }
}
