using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Additional metadata about a diagnostic; serialised as a number.</summary>
public enum DiagnosticTag
{
    /// <summary>Unused or unnecessary code; clients render it faded out.</summary>
    Unnecessary = 1,
    /// <summary>Deprecated or obsolete code; clients render it struck through.</summary>
    Deprecated = 2,
}
