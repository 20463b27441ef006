using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Identifies a text document and, optionally, the version an edit applies to. LSP requires the <c>version</c> member to be present, so a null version is written as JSON null rather than omitted.</summary>
public sealed class OptionalVersionedTextDocumentIdentifier : TextDocumentIdentifier
{
    /// <summary>The version the edit was computed against, or null when the edit applies to the document whatever its version.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? Version { get; set; }
}
