using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Additional details for a completion item label.</summary>
public sealed class CompletionItemLabelDetails
{
    /// <summary>Shown right after the label, without spacing, for example a function signature.</summary>
    public string? Detail { get; set; }

    /// <summary>Shown further right, for example a fully qualified name.</summary>
    public string? Description { get; set; }
}
