using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A textual edit applicable to a text document.</summary>
public sealed class TextEdit
{
    /// <summary>The range of the text to be replaced; an empty range inserts.</summary>
    public required Range Range { get; set; }

    /// <summary>The string to insert; empty to delete.</summary>
    public required string NewText { get; set; }
}
