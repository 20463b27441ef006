using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Extra annotations of a symbol; serialised as a number.</summary>
public enum SymbolTag
{
    /// <summary>The symbol is deprecated.</summary>
    Deprecated = 1,
}
