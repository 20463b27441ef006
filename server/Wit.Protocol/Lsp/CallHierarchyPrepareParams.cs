using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>textDocument/prepareCallHierarchy</c>; the result is <c>CallHierarchyItem[]</c>.</summary>
public sealed class CallHierarchyPrepareParams : TextDocumentPositionParams
{
}
