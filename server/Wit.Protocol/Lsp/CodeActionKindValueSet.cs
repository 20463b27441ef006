using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A set of code action kinds supported by the client.</summary>
public sealed class CodeActionKindValueSet
{
    /// <summary>The supported kinds; see <see cref="Lsp.CodeActionKind"/>.</summary>
    public string[] ValueSet { get; set; } = [];
}
