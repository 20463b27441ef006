using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>How a completion was triggered; serialised as a number.</summary>
public enum CompletionTriggerKind
{
    /// <summary>Completion was triggered by typing an identifier, by invoking it manually or through the API.</summary>
    Invoked = 1,
    /// <summary>Completion was triggered by one of the trigger characters.</summary>
    TriggerCharacter = 2,
    /// <summary>Completion was re-triggered because the current list is incomplete.</summary>
    TriggerForIncompleteCompletions = 3,
}
