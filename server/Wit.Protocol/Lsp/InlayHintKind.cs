using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The kind of an inlay hint; serialised as a number.</summary>
public enum InlayHintKind
{
    /// <summary>An inlay hint for a type annotation.</summary>
    Type = 1,
    /// <summary>An inlay hint for a parameter.</summary>
    Parameter = 2,
}
