using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>textDocument/codeAction</c>; the result is <c>CodeAction[]</c>.</summary>
public sealed class CodeActionParams
{
    /// <summary>The document in which the command was invoked.</summary>
    public required TextDocumentIdentifier TextDocument { get; set; }

    /// <summary>The range for which the command was invoked.</summary>
    public required Range Range { get; set; }

    /// <summary>Context carrying additional information.</summary>
    public CodeActionContext Context { get; set; } = new();
}
