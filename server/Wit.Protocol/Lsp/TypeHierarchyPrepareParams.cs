using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>textDocument/prepareTypeHierarchy</c>; the result is <c>TypeHierarchyItem[]</c>.</summary>
public sealed class TypeHierarchyPrepareParams : TextDocumentPositionParams
{
}
