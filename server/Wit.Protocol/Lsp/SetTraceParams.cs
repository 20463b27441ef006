using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>$/setTrace</c>.</summary>
public sealed class SetTraceParams
{
    /// <summary>The new trace setting: <c>off</c>, <c>messages</c> or <c>verbose</c>.</summary>
    public required string Value { get; set; }
}
