using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>How the server wants documents synchronised. LSP also allows a bare <see cref="TextDocumentSyncKind"/> here; this library always sends the object.</summary>
public sealed class TextDocumentSyncOptions
{
    /// <summary>Whether open and close notifications are sent to the server.</summary>
    public bool? OpenClose { get; set; }

    /// <summary>How change notifications are sent.</summary>
    public TextDocumentSyncKind? Change { get; set; }

    /// <summary>Whether and how save notifications are sent.</summary>
    public SaveOptions? Save { get; set; }
}
