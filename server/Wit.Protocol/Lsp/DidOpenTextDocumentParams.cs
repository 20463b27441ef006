using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>textDocument/didOpen</c>.</summary>
public sealed class DidOpenTextDocumentParams
{
    /// <summary>The document that was opened.</summary>
    public required TextDocumentItem TextDocument { get; set; }
}
