using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Additional information about the context in which completion was triggered.</summary>
public sealed class CompletionContext
{
    /// <summary>How the completion was triggered.</summary>
    public required CompletionTriggerKind TriggerKind { get; set; }

    /// <summary>The trigger character, when <see cref="TriggerKind"/> is <see cref="CompletionTriggerKind.TriggerCharacter"/>.</summary>
    public string? TriggerCharacter { get; set; }
}
