using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>textDocument/hover</c>.</summary>
public sealed class HoverParams : TextDocumentPositionParams
{
}
