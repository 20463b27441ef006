using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The result of a hover request. LSP allows several content shapes; this library always uses <see cref="MarkupContent"/>.</summary>
public sealed class Hover
{
    /// <summary>The hover's content.</summary>
    public required MarkupContent Contents { get; set; }

    /// <summary>The range the hover applies to, used by the client to highlight it.</summary>
    public Range? Range { get; set; }
}
