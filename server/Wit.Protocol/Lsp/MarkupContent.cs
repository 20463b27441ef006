using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A string of plain text or Markdown, the single shape this library uses for documentation unions.</summary>
public sealed class MarkupContent
{
    /// <summary>The markup kind; see <see cref="MarkupKind"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The content itself.</summary>
    public required string Value { get; set; }
}
