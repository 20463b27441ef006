using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>How signature help was triggered; serialised as a number.</summary>
public enum SignatureHelpTriggerKind
{
    /// <summary>Signature help was invoked manually by the user or by a command.</summary>
    Invoked = 1,
    /// <summary>Signature help was triggered by a trigger character.</summary>
    TriggerCharacter = 2,
    /// <summary>Signature help was triggered by the cursor moving or by the document content changing.</summary>
    ContentChange = 3,
}
