using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The result of a <c>textDocument/diagnostic</c> request: one class for LSP's full and unchanged reports, told apart by <see cref="Kind"/>.</summary>
public sealed class DocumentDiagnosticReport
{
    /// <summary><see cref="DocumentDiagnosticReportKind.Full"/> or <see cref="DocumentDiagnosticReportKind.Unchanged"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>An optional result id; required for an unchanged report.</summary>
    public string? ResultId { get; set; }

    /// <summary>The diagnostics of a full report; null (omitted) for an unchanged report.</summary>
    public Diagnostic[]? Items { get; set; }
}
