using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The result of the <c>workspace/applyEdit</c> request.</summary>
public sealed class ApplyWorkspaceEditResult
{
    /// <summary>Whether the edit was applied.</summary>
    public bool Applied { get; set; }

    /// <summary>A textual description of why the edit was not applied.</summary>
    public string? FailureReason { get; set; }
}
