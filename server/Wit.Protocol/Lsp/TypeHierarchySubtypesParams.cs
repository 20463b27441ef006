using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>typeHierarchy/subtypes</c>; the result is <c>TypeHierarchyItem[]</c>.</summary>
public sealed class TypeHierarchySubtypesParams
{
    /// <summary>The item returned by the prepare request.</summary>
    public required TypeHierarchyItem Item { get; set; }
}
