using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A description of an error code, with a link to its documentation.</summary>
public sealed class CodeDescription
{
    /// <summary>A URI to open with more information about the diagnostic code.</summary>
    public required string Href { get; set; }
}
