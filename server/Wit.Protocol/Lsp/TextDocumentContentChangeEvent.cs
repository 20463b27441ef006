using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A change to a text document: a range replacement, or the whole new text when <see cref="Range"/> is null.</summary>
public sealed class TextDocumentContentChangeEvent
{
    /// <summary>The range of the document that changed, or null when <see cref="Text"/> is the full new content.</summary>
    public Range? Range { get; set; }

    /// <summary>The optional length of the range that got replaced (deprecated in LSP).</summary>
    public int? RangeLength { get; set; }

    /// <summary>The new text for the range, or the full new content.</summary>
    [JsonConverter(typeof(DocumentTextJsonConverter))]
    public required string Text { get; set; }
}
