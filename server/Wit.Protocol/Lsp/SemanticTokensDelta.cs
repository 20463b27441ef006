using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A delta over a previous semantic tokens result.</summary>
public sealed class SemanticTokensDelta
{
    /// <summary>An optional result id, to ask for a delta next time.</summary>
    public string? ResultId { get; set; }

    /// <summary>The edits to transform a previous result into a new one.</summary>
    public required SemanticTokensEdit[] Edits { get; set; }
}
