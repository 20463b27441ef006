using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A command shown in line with source text, like the number of references.</summary>
public sealed class CodeLens
{
    /// <summary>The range this code lens is valid for; should span a single line.</summary>
    public required Range Range { get; set; }

    /// <summary>The command this code lens represents; resolved later when null.</summary>
    public Command? Command { get; set; }

    /// <summary>Data preserved between a code lens and a <c>codeLens/resolve</c> request.</summary>
    public JsonElement? Data { get; set; }
}
