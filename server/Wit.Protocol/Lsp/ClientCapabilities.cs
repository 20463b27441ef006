using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The capabilities of the client that this library models; unknown capabilities are ignored.</summary>
public sealed class ClientCapabilities
{
    /// <summary>Workspace-specific client capabilities.</summary>
    public WorkspaceClientCapabilities? Workspace { get; set; }

    /// <summary>Text-document-specific client capabilities.</summary>
    public TextDocumentClientCapabilities? TextDocument { get; set; }

    /// <summary>Window-specific client capabilities.</summary>
    public WindowClientCapabilities? Window { get; set; }

    /// <summary>General client capabilities.</summary>
    public GeneralClientCapabilities? General { get; set; }

    /// <summary>Experimental client capabilities.</summary>
    public JsonElement? Experimental { get; set; }
}
