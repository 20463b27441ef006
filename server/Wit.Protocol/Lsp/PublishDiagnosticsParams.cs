using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of a <c>textDocument/publishDiagnostics</c> notification.</summary>
public sealed class PublishDiagnosticsParams
{
    /// <summary>The URI for which diagnostic information is reported.</summary>
    public required string Uri { get; set; }

    /// <summary>The version number of the document the diagnostics were computed for.</summary>
    public int? Version { get; set; }

    /// <summary>The diagnostics; an empty array clears the previous ones.</summary>
    public required Diagnostic[] Diagnostics { get; set; }
}
