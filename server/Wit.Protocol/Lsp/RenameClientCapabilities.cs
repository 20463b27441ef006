using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Client capabilities for rename.</summary>
public sealed class RenameClientCapabilities
{
    /// <summary>Whether the client supports testing a rename with <c>textDocument/prepareRename</c>.</summary>
    public bool? PrepareSupport { get; set; }
}
