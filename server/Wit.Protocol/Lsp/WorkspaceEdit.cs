using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Changes to many resources managed in the workspace. Only text edits are modelled: resource operations (create, rename, delete file) are not used by this server.</summary>
public sealed class WorkspaceEdit
{
    /// <summary>Edits keyed by document URI.</summary>
    public Dictionary<string,TextEdit[]>? Changes { get; set; }

    /// <summary>Versioned edits, used when the client supports <c>workspace.workspaceEdit.documentChanges</c>.</summary>
    public TextDocumentEdit[]? DocumentChanges { get; set; }
}
