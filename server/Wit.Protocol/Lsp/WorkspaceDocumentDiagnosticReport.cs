using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A full or unchanged diagnostic report for one document of a workspace report, told apart by <see cref="Kind"/>.</summary>
public sealed class WorkspaceDocumentDiagnosticReport
{
    /// <summary><see cref="DocumentDiagnosticReportKind.Full"/> or <see cref="DocumentDiagnosticReportKind.Unchanged"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>An optional result id.</summary>
    public string? ResultId { get; set; }

    /// <summary>The diagnostics of a full report; null (omitted) for an unchanged report.</summary>
    public Diagnostic[]? Items { get; set; }

    /// <summary>The URI for which diagnostic information is reported.</summary>
    public required string Uri { get; set; }

    /// <summary>The version number of the document the report is for, or null if the document is not open.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? Version { get; set; }
}
