using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Why code actions were requested; serialised as a number.</summary>
public enum CodeActionTriggerKind
{
    /// <summary>Code actions were explicitly requested by the user or by an extension.</summary>
    Invoked = 1,
    /// <summary>Code actions were requested automatically, for example after the selection changed.</summary>
    Automatic = 2,
}
