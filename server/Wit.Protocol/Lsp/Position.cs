using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A position in a text document: a zero-based line and a zero-based character offset in UTF-16 code units (LSP's default position encoding).</summary>
public sealed class Position
{
    /// <summary>Zero-based line number.</summary>
    public required int Line { get; set; }

    /// <summary>Zero-based UTF-16 code-unit offset within the line.</summary>
    public required int Character { get; set; }
}
