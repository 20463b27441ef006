using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>An item to transfer a text document from the client to the server.</summary>
public sealed class TextDocumentItem
{
    /// <summary>The document URI.</summary>
    public required string Uri { get; set; }

    /// <summary>The document's language identifier, for example <c>wit</c>.</summary>
    public required string LanguageId { get; set; }

    /// <summary>The version number of the document.</summary>
    public required int Version { get; set; }

    /// <summary>The full content of the document.</summary>
    [JsonConverter(typeof(DocumentTextJsonConverter))]
    public required string Text { get; set; }
}
