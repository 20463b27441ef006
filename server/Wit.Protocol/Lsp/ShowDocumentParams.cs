using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of the <c>window/showDocument</c> request.</summary>
public sealed class ShowDocumentParams
{
    /// <summary>The URI to show.</summary>
    public required string Uri { get; set; }

    /// <summary>Whether to show the resource in an external program, such as a browser.</summary>
    public bool? External { get; set; }

    /// <summary>Whether the editor showing the document should take focus.</summary>
    public bool? TakeFocus { get; set; }

    /// <summary>An optional selection range inside a text document.</summary>
    public Range? Selection { get; set; }
}
