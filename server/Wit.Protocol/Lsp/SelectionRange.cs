using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A selection range and its enclosing ranges, as a linked list through <see cref="Parent"/>. Serialising nests one JSON object per ancestor, bounded by the serializer's maximum depth (see <c>LspJsonContext</c>): servers cut the chain (dropping the outermost ancestors) when the syntax nests deeper.</summary>
public sealed class SelectionRange
{
    /// <summary>The range of this selection range.</summary>
    public required Range Range { get; set; }

    /// <summary>The parent selection range containing this range.</summary>
    public SelectionRange? Parent { get; set; }
}
