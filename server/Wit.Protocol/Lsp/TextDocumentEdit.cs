using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Edits to one version of one text document, used in <see cref="WorkspaceEdit.DocumentChanges"/>.</summary>
public sealed class TextDocumentEdit
{
    /// <summary>The document to change.</summary>
    public required OptionalVersionedTextDocumentIdentifier TextDocument { get; set; }

    /// <summary>The edits to apply; their ranges refer to the document before any of them is applied.</summary>
    public required TextEdit[] Edits { get; set; }
}
