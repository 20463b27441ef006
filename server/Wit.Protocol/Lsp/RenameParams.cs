using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>textDocument/rename</c>; the result is a <see cref="WorkspaceEdit"/>.</summary>
public sealed class RenameParams : TextDocumentPositionParams
{
    /// <summary>The new name of the symbol.</summary>
    public required string NewName { get; set; }
}
