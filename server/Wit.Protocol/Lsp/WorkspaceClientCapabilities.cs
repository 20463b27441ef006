using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Workspace-specific client capabilities.</summary>
public sealed class WorkspaceClientCapabilities
{
    /// <summary>Whether the client supports applying batch edits via <c>workspace/applyEdit</c>.</summary>
    public bool? ApplyEdit { get; set; }

    /// <summary>Whether the client supports <c>workspace/configuration</c> requests.</summary>
    public bool? Configuration { get; set; }

    /// <summary>Whether the client supports workspace folders.</summary>
    public bool? WorkspaceFolders { get; set; }

    /// <summary>Capabilities specific to the <c>workspace/didChangeWatchedFiles</c> notification.</summary>
    public DidChangeWatchedFilesClientCapabilities? DidChangeWatchedFiles { get; set; }
}
