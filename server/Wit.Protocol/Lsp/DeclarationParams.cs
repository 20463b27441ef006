using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>textDocument/declaration</c>; the result is <c>Location[]</c>.</summary>
public sealed class DeclarationParams : TextDocumentPositionParams
{
}
