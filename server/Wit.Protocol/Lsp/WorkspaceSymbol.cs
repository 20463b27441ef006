using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A symbol found by a workspace symbol search. LSP also allows a location without a range; this library always sends a full <see cref="Location"/>.</summary>
public sealed class WorkspaceSymbol
{
    /// <summary>The name of this symbol.</summary>
    public required string Name { get; set; }

    /// <summary>The kind of this symbol.</summary>
    public required SymbolKind Kind { get; set; }

    /// <summary>Tags for this symbol.</summary>
    public SymbolTag[]? Tags { get; set; }

    /// <summary>The name of the symbol containing this symbol, shown next to it.</summary>
    public string? ContainerName { get; set; }

    /// <summary>The location of this symbol.</summary>
    public required Location Location { get; set; }

    /// <summary>Data preserved between a workspace symbol and a <c>workspaceSymbol/resolve</c> request.</summary>
    public JsonElement? Data { get; set; }
}
