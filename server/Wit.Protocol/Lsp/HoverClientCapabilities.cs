using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Client capabilities for hover.</summary>
public sealed class HoverClientCapabilities
{
    /// <summary>The content formats the client supports for hover contents, in order of preference; see <see cref="MarkupKind"/>.</summary>
    public string[]? ContentFormat { get; set; }
}
