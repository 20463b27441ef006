using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A list of completion items.</summary>
public sealed class CompletionList
{
    /// <summary>Whether the list is not complete, so that typing further should recompute it.</summary>
    public bool IsIncomplete { get; set; }

    /// <summary>The completion items.</summary>
    public required CompletionItem[] Items { get; set; }
}
