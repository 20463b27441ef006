using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The server's signature help capability.</summary>
public sealed class SignatureHelpOptions
{
    /// <summary>Characters that trigger signature help automatically.</summary>
    public string[]? TriggerCharacters { get; set; }

    /// <summary>Characters that re-trigger signature help while it is showing.</summary>
    public string[]? RetriggerCharacters { get; set; }
}
