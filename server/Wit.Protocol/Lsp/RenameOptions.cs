using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The server's rename capability.</summary>
public sealed class RenameOptions
{
    /// <summary>Whether the server supports <c>textDocument/prepareRename</c>.</summary>
    public bool? PrepareProvider { get; set; }
}
