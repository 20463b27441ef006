using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>textDocument/didChange</c>.</summary>
public sealed class DidChangeTextDocumentParams
{
    /// <summary>The document that changed; the version is the one after all content changes are applied.</summary>
    public required VersionedTextDocumentIdentifier TextDocument { get; set; }

    /// <summary>The changes, to be applied in order.</summary>
    public required TextDocumentContentChangeEvent[] ContentChanges { get; set; }
}
