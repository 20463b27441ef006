using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of the <c>client/unregisterCapability</c> request.</summary>
public sealed class UnregistrationParams
{
    /// <summary>The unregistrations (LSP spells the member this way).</summary>
    public required Unregistration[] Unregisterations { get; set; }
}
