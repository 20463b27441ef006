using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>textDocument/didClose</c>.</summary>
public sealed class DidCloseTextDocumentParams
{
    /// <summary>The document that was closed.</summary>
    public required TextDocumentIdentifier TextDocument { get; set; }
}
