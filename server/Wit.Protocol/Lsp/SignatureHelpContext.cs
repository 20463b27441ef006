using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Additional information about the context in which signature help was triggered.</summary>
public sealed class SignatureHelpContext
{
    /// <summary>How signature help was triggered.</summary>
    public required SignatureHelpTriggerKind TriggerKind { get; set; }

    /// <summary>The character that caused signature help to be triggered.</summary>
    public string? TriggerCharacter { get; set; }

    /// <summary>Whether signature help was already showing when it was triggered.</summary>
    public bool IsRetrigger { get; set; }

    /// <summary>The currently active signature help, if any.</summary>
    public SignatureHelp? ActiveSignatureHelp { get; set; }
}
