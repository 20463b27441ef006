using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>General client capabilities.</summary>
public sealed class GeneralClientCapabilities
{
    /// <summary>The position encodings supported by the client, in order of preference; see <see cref="PositionEncodingKind"/>.</summary>
    public string[]? PositionEncodings { get; set; }
}
