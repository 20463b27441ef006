using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Additional information about the context in which a code action is run.</summary>
public sealed class CodeActionContext
{
    /// <summary>The diagnostics the client knows of that overlap the requested range.</summary>
    public Diagnostic[] Diagnostics { get; set; } = [];

    /// <summary>The kinds of actions requested; others can be filtered out.</summary>
    public string[]? Only { get; set; }

    /// <summary>Why code actions were requested.</summary>
    public CodeActionTriggerKind? TriggerKind { get; set; }
}
