using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>textDocument/inlayHint</c>; the result is <c>InlayHint[]</c>.</summary>
public sealed class InlayHintParams
{
    /// <summary>The text document.</summary>
    public required TextDocumentIdentifier TextDocument { get; set; }

    /// <summary>The visible document range for which inlay hints should be computed.</summary>
    public required Range Range { get; set; }
}
