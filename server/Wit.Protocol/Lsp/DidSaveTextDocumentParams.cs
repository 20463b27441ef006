using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>textDocument/didSave</c>.</summary>
public sealed class DidSaveTextDocumentParams
{
    /// <summary>The document that was saved.</summary>
    public required TextDocumentIdentifier TextDocument { get; set; }

    /// <summary>The content when saved, if the server asked for it.</summary>
    public string? Text { get; set; }
}
