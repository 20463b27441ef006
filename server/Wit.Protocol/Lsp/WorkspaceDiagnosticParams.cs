using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of a <c>workspace/diagnostic</c> request.</summary>
public sealed class WorkspaceDiagnosticParams
{
    /// <summary>The additional identifier provided during registration.</summary>
    public string? Identifier { get; set; }

    /// <summary>The currently known diagnostic reports with their previous result ids.</summary>
    public PreviousResultId[] PreviousResultIds { get; set; } = [];
}
