using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>An inlay hint. LSP allows the label to be label parts and the tooltip to be a string; this library uses a string label and a <see cref="MarkupContent"/> tooltip.</summary>
public sealed class InlayHint
{
    /// <summary>The position of this hint.</summary>
    public required Position Position { get; set; }

    /// <summary>The label of this hint.</summary>
    public required string Label { get; set; }

    /// <summary>The kind of this hint.</summary>
    public InlayHintKind? Kind { get; set; }

    /// <summary>Edits applied when the user accepts this hint.</summary>
    public TextEdit[]? TextEdits { get; set; }

    /// <summary>The tooltip text when hovering over this hint.</summary>
    public MarkupContent? Tooltip { get; set; }

    /// <summary>Whether to render padding before the hint.</summary>
    public bool? PaddingLeft { get; set; }

    /// <summary>Whether to render padding after the hint.</summary>
    public bool? PaddingRight { get; set; }

    /// <summary>Data preserved between an inlay hint and an <c>inlayHint/resolve</c> request.</summary>
    public JsonElement? Data { get; set; }
}
