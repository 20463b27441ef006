using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Parameters that name a text document and a position inside it. Definition, declaration, type definition, implementation, hover, highlight, prepare-rename, signature help and the hierarchy prepare requests derive from it.</summary>
public class TextDocumentPositionParams
{
    /// <summary>The text document.</summary>
    public required TextDocumentIdentifier TextDocument { get; set; }

    /// <summary>The position inside the text document.</summary>
    public required Position Position { get; set; }
}
