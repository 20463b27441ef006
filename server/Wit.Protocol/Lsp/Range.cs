using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A range in a text document, from an inclusive start to an exclusive end position.</summary>
public sealed class Range
{
    /// <summary>The range's start position (inclusive).</summary>
    public required Position Start { get; set; }

    /// <summary>The range's end position (exclusive).</summary>
    public required Position End { get; set; }
}
