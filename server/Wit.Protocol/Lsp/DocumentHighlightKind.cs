using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The kind of a document highlight; serialised as a number.</summary>
public enum DocumentHighlightKind
{
    /// <summary>A textual occurrence.</summary>
    Text = 1,
    /// <summary>Read-access of a symbol.</summary>
    Read = 2,
    /// <summary>Write-access of a symbol.</summary>
    Write = 3,
}
