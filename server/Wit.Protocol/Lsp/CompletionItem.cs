using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A completion item. LSP allows documentation as a string or markup and a text edit or insert-replace edit; this library uses <see cref="MarkupContent"/> and <see cref="TextEdit"/>.</summary>
public sealed class CompletionItem
{
    /// <summary>The label shown in the list, and by default the text inserted.</summary>
    public required string Label { get; set; }

    /// <summary>Additional details for the label.</summary>
    public CompletionItemLabelDetails? LabelDetails { get; set; }

    /// <summary>The kind of this item, which decides its icon.</summary>
    public CompletionItemKind? Kind { get; set; }

    /// <summary>Tags for this item.</summary>
    public CompletionItemTag[]? Tags { get; set; }

    /// <summary>Additional information, like type or symbol information.</summary>
    public string? Detail { get; set; }

    /// <summary>Documentation for this item.</summary>
    public MarkupContent? Documentation { get; set; }

    /// <summary>Whether to select this item when showing.</summary>
    public bool? Preselect { get; set; }

    /// <summary>A string used when comparing this item with others; the label when omitted.</summary>
    public string? SortText { get; set; }

    /// <summary>A string used when filtering; the label when omitted.</summary>
    public string? FilterText { get; set; }

    /// <summary>A string inserted when this item is selected; the label when omitted.</summary>
    public string? InsertText { get; set; }

    /// <summary>The format of <see cref="InsertText"/> or <see cref="TextEdit"/>.</summary>
    public InsertTextFormat? InsertTextFormat { get; set; }

    /// <summary>An edit applied when selecting this item; takes precedence over <see cref="InsertText"/>.</summary>
    public TextEdit? TextEdit { get; set; }

    /// <summary>Additional edits applied when selecting this item, for example adding a <c>use</c>.</summary>
    public TextEdit[]? AdditionalTextEdits { get; set; }

    /// <summary>Characters that accept this item and then type that character.</summary>
    public string[]? CommitCharacters { get; set; }

    /// <summary>A command executed after inserting this item.</summary>
    public Command? Command { get; set; }

    /// <summary>Data preserved between a completion and a <c>completionItem/resolve</c> request.</summary>
    public JsonElement? Data { get; set; }
}
