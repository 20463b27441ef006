using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>textDocument/references</c>; the result is <c>Location[]</c>.</summary>
public sealed class ReferenceParams : TextDocumentPositionParams
{
    /// <summary>The request's options.</summary>
    public ReferenceContext Context { get; set; } = new();
}
