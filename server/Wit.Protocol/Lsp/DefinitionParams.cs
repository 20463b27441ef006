using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>textDocument/definition</c>; the result is <c>Location[]</c> (or <c>LocationLink[]</c>).</summary>
public sealed class DefinitionParams : TextDocumentPositionParams
{
}
