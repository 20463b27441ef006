using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>textDocument/codeLens</c>; the result is <c>CodeLens[]</c>.</summary>
public sealed class CodeLensParams
{
    /// <summary>The document to request code lenses for.</summary>
    public required TextDocumentIdentifier TextDocument { get; set; }
}
