using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>window/showMessage</c>.</summary>
public sealed class ShowMessageParams
{
    /// <summary>The message type.</summary>
    public required MessageType Type { get; set; }

    /// <summary>The actual message.</summary>
    public required string Message { get; set; }
}
