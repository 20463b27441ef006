using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A symbol in a document, with its children. Serialising nests one JSON object per level, bounded by the serializer's maximum depth (see <c>LspJsonContext</c>): servers keep symbol trees shallow.</summary>
public sealed class DocumentSymbol
{
    /// <summary>The name of this symbol.</summary>
    public required string Name { get; set; }

    /// <summary>More detail, like a signature.</summary>
    public string? Detail { get; set; }

    /// <summary>The kind of this symbol.</summary>
    public required SymbolKind Kind { get; set; }

    /// <summary>Tags for this symbol.</summary>
    public SymbolTag[]? Tags { get; set; }

    /// <summary>The range enclosing this symbol, comments included.</summary>
    public required Range Range { get; set; }

    /// <summary>The range to select when this symbol is picked, for example its name; must be contained in <see cref="Range"/>.</summary>
    public required Range SelectionRange { get; set; }

    /// <summary>The children of this symbol.</summary>
    public DocumentSymbol[]? Children { get; set; }
}
