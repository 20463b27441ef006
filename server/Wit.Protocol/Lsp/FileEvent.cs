using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>An event describing a file change.</summary>
public sealed class FileEvent
{
    /// <summary>The file's URI.</summary>
    public required string Uri { get; set; }

    /// <summary>The change type.</summary>
    public required FileChangeType Type { get; set; }
}
