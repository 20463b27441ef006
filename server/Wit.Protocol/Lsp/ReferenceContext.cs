using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Options of a references request.</summary>
public sealed class ReferenceContext
{
    /// <summary>Whether to include the declaration of the current symbol.</summary>
    public bool IncludeDeclaration { get; set; }
}
