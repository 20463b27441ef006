using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of the <c>initialize</c> request. Unknown members are ignored.</summary>
public sealed class InitializeParams
{
    /// <summary>The process id of the parent process that started the server, or null.</summary>
    public int? ProcessId { get; set; }

    /// <summary>Information about the client.</summary>
    public ClientInfo? ClientInfo { get; set; }

    /// <summary>The locale the client is currently showing the user interface in.</summary>
    public string? Locale { get; set; }

    /// <summary>The root path of the workspace (deprecated in favour of <see cref="WorkspaceFolders"/>).</summary>
    public string? RootPath { get; set; }

    /// <summary>The root URI of the workspace (deprecated in favour of <see cref="WorkspaceFolders"/>).</summary>
    public string? RootUri { get; set; }

    /// <summary>User-provided initialisation options.</summary>
    public JsonElement? InitializationOptions { get; set; }

    /// <summary>The capabilities provided by the client.</summary>
    public ClientCapabilities Capabilities { get; set; } = new();

    /// <summary>The initial trace setting: <c>off</c>, <c>messages</c> or <c>verbose</c>.</summary>
    public string? Trace { get; set; }

    /// <summary>The workspace folders configured in the client when the server starts, or null when no folder is open.</summary>
    public WorkspaceFolder[]? WorkspaceFolders { get; set; }
}
