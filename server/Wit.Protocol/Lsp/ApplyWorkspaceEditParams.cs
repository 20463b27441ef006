using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of the <c>workspace/applyEdit</c> request.</summary>
public sealed class ApplyWorkspaceEditParams
{
    /// <summary>An optional label of the edit, shown in the undo stack.</summary>
    public string? Label { get; set; }

    /// <summary>The edits to apply.</summary>
    public required WorkspaceEdit Edit { get; set; }
}
