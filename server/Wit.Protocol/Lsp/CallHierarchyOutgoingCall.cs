using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>An outgoing call: a callee and the ranges of its calls.</summary>
public sealed class CallHierarchyOutgoingCall
{
    /// <summary>The item that is called.</summary>
    public required CallHierarchyItem To { get; set; }

    /// <summary>The ranges at which the item is called, relative to the caller.</summary>
    public required Range[] FromRanges { get; set; }
}
