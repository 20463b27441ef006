using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>An incoming call: a caller and the ranges of its calls.</summary>
public sealed class CallHierarchyIncomingCall
{
    /// <summary>The item that makes the call.</summary>
    public required CallHierarchyItem From { get; set; }

    /// <summary>The ranges at which the calls appear, relative to the caller.</summary>
    public required Range[] FromRanges { get; set; }
}
