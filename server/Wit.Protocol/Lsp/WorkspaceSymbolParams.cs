using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>workspace/symbol</c>; the result is <c>WorkspaceSymbol[]</c>.</summary>
public sealed class WorkspaceSymbolParams
{
    /// <summary>A query string to filter symbols by; empty for all symbols.</summary>
    public required string Query { get; set; }
}
