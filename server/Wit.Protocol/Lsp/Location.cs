using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A range inside a resource, such as a line inside a text file.</summary>
public sealed class Location
{
    /// <summary>The document URI.</summary>
    public required string Uri { get; set; }

    /// <summary>The range inside the document.</summary>
    public required Range Range { get; set; }
}
