using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A related message and source code location for a diagnostic, for example the other declaration of a duplicate name.</summary>
public sealed class DiagnosticRelatedInformation
{
    /// <summary>The location of this related information.</summary>
    public required Location Location { get; set; }

    /// <summary>The message of this related information.</summary>
    public required string Message { get; set; }
}
