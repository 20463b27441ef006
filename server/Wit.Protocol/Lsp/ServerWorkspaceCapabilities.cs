using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The server's workspace-specific capabilities.</summary>
public sealed class ServerWorkspaceCapabilities
{
    /// <summary>The server's workspace folder support.</summary>
    public WorkspaceFoldersServerCapabilities? WorkspaceFolders { get; set; }
}
