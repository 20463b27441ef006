using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>An item of the type hierarchy.</summary>
public sealed class TypeHierarchyItem
{
    /// <summary>The name of this item.</summary>
    public required string Name { get; set; }

    /// <summary>The kind of this item.</summary>
    public required SymbolKind Kind { get; set; }

    /// <summary>Tags for this item.</summary>
    public SymbolTag[]? Tags { get; set; }

    /// <summary>More detail for this item.</summary>
    public string? Detail { get; set; }

    /// <summary>The resource identifier of this item.</summary>
    public required string Uri { get; set; }

    /// <summary>The range enclosing this symbol, comments included.</summary>
    public required Range Range { get; set; }

    /// <summary>The range to select when this symbol is picked; must be contained in <see cref="Range"/>.</summary>
    public required Range SelectionRange { get; set; }

    /// <summary>Data preserved between a prepare request and the supertypes and subtypes requests.</summary>
    public JsonElement? Data { get; set; }
}
