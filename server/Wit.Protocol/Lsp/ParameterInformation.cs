using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A parameter of a callable signature. LSP allows the label to be a string or an offset pair; this library uses a string that must occur in the signature's label.</summary>
public sealed class ParameterInformation
{
    /// <summary>The parameter's label, a substring of the signature label.</summary>
    public required string Label { get; set; }

    /// <summary>The parameter's documentation.</summary>
    public MarkupContent? Documentation { get; set; }
}
