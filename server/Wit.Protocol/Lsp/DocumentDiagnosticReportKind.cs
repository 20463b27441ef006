using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The values of <see cref="DocumentDiagnosticReport.Kind"/>.</summary>
public static class DocumentDiagnosticReportKind
{
    /// <summary>A report with a full set of problems.</summary>
    public const string Full = "full";

    /// <summary>A report indicating that the last returned report is still accurate.</summary>
    public const string Unchanged = "unchanged";
}
