using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of the <c>window/showMessageRequest</c> request; the result is the <see cref="MessageActionItem"/> picked, or null.</summary>
public sealed class ShowMessageRequestParams
{
    /// <summary>The message type.</summary>
    public required MessageType Type { get; set; }

    /// <summary>The actual message.</summary>
    public required string Message { get; set; }

    /// <summary>The message action items to present.</summary>
    public MessageActionItem[]? Actions { get; set; }
}
