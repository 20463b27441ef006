using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>textDocument/completion</c>; the result is a <see cref="CompletionList"/>.</summary>
public sealed class CompletionParams : TextDocumentPositionParams
{
    /// <summary>How completion was triggered, when the client says.</summary>
    public CompletionContext? Context { get; set; }
}
