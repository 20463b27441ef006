using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The workspace folder change event.</summary>
public sealed class WorkspaceFoldersChangeEvent
{
    /// <summary>The array of added workspace folders.</summary>
    public WorkspaceFolder[] Added { get; set; } = [];

    /// <summary>The array of removed workspace folders.</summary>
    public WorkspaceFolder[] Removed { get; set; } = [];
}
