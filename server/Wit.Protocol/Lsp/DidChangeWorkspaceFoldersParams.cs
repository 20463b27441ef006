using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>workspace/didChangeWorkspaceFolders</c>.</summary>
public sealed class DidChangeWorkspaceFoldersParams
{
    /// <summary>The actual workspace folder change event.</summary>
    public required WorkspaceFoldersChangeEvent Event { get; set; }
}
