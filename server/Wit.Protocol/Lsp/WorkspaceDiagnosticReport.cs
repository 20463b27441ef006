using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The result of a <c>workspace/diagnostic</c> request.</summary>
public sealed class WorkspaceDiagnosticReport
{
    /// <summary>The reports, one per document.</summary>
    public required WorkspaceDocumentDiagnosticReport[] Items { get; set; }
}
