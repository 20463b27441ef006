using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>callHierarchy/outgoingCalls</c>.</summary>
public sealed class CallHierarchyOutgoingCallsParams
{
    /// <summary>The item returned by the prepare request.</summary>
    public required CallHierarchyItem Item { get; set; }
}
