using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Identifies a text document by its URI.</summary>
public class TextDocumentIdentifier
{
    /// <summary>The document URI.</summary>
    public required string Uri { get; set; }
}
