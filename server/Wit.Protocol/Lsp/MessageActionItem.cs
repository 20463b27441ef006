using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>An action the user can pick in a <c>window/showMessageRequest</c>.</summary>
public sealed class MessageActionItem
{
    /// <summary>A short title like 'Retry', 'Open Log' etc.</summary>
    public required string Title { get; set; }
}
