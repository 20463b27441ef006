using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The result of the <c>window/showDocument</c> request.</summary>
public sealed class ShowDocumentResult
{
    /// <summary>Whether the show was successful.</summary>
    public bool Success { get; set; }
}
