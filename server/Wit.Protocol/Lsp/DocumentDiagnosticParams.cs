using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of a <c>textDocument/diagnostic</c> (pull diagnostics) request.</summary>
public sealed class DocumentDiagnosticParams
{
    /// <summary>The text document.</summary>
    public required TextDocumentIdentifier TextDocument { get; set; }

    /// <summary>The additional identifier provided during registration.</summary>
    public string? Identifier { get; set; }

    /// <summary>The result id of a previous response, if provided.</summary>
    public string? PreviousResultId { get; set; }
}
