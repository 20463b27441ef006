using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The server's code action capability.</summary>
public sealed class CodeActionOptions
{
    /// <summary>The code action kinds the server may return; see <see cref="CodeActionKind"/>.</summary>
    public string[]? CodeActionKinds { get; set; }

    /// <summary>Whether the server supports <c>codeAction/resolve</c>.</summary>
    public bool? ResolveProvider { get; set; }
}
