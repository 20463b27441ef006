using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Identifies a specific version of a text document.</summary>
public sealed class VersionedTextDocumentIdentifier : TextDocumentIdentifier
{
    /// <summary>The version number of the document; it increases after each change, undo and redo included.</summary>
    public required int Version { get; set; }
}
