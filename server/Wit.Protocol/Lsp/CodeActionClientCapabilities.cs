using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Client capabilities for code actions.</summary>
public sealed class CodeActionClientCapabilities
{
    /// <summary>Present when the client supports code action literals (rather than bare commands) as results.</summary>
    public CodeActionLiteralSupport? CodeActionLiteralSupport { get; set; }

    /// <summary>Whether the client honours <see cref="CodeAction.IsPreferred"/>.</summary>
    public bool? IsPreferredSupport { get; set; }
}
