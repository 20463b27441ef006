using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>An edit to a previous semantic token data array.</summary>
public sealed class SemanticTokensEdit
{
    /// <summary>The start offset of the edit in the previous data array.</summary>
    public required int Start { get; set; }

    /// <summary>The number of integers to delete.</summary>
    public required int DeleteCount { get; set; }

    /// <summary>The integers to insert.</summary>
    public int[]? Data { get; set; }
}
