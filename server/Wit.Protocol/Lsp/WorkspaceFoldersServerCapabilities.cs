using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The server's workspace folder capability.</summary>
public sealed class WorkspaceFoldersServerCapabilities
{
    /// <summary>Whether the server supports workspace folders.</summary>
    public bool? Supported { get; set; }

    /// <summary>Whether the server wants <c>workspace/didChangeWorkspaceFolders</c> notifications (LSP also allows a registration id string; this library sends a boolean).</summary>
    public bool? ChangeNotifications { get; set; }
}
