using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The client's support for code action literals.</summary>
public sealed class CodeActionLiteralSupport
{
    /// <summary>The code action kinds the client supports.</summary>
    public required CodeActionKindValueSet CodeActionKind { get; set; }
}
