using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Extra annotations of a completion item; serialised as a number.</summary>
public enum CompletionItemTag
{
    /// <summary>The item is deprecated.</summary>
    Deprecated = 1,
}
