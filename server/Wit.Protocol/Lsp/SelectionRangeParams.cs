using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>textDocument/selectionRange</c>; the result is <c>SelectionRange[]</c>, one per position.</summary>
public sealed class SelectionRangeParams
{
    /// <summary>The text document.</summary>
    public required TextDocumentIdentifier TextDocument { get; set; }

    /// <summary>The positions inside the text document.</summary>
    public required Position[] Positions { get; set; }
}
