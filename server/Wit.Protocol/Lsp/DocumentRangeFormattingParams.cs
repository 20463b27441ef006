using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>textDocument/rangeFormatting</c>; the result is <c>TextEdit[]</c>.</summary>
public sealed class DocumentRangeFormattingParams
{
    /// <summary>The document to format.</summary>
    public required TextDocumentIdentifier TextDocument { get; set; }

    /// <summary>The range to format.</summary>
    public required Range Range { get; set; }

    /// <summary>The format options.</summary>
    public required FormattingOptions Options { get; set; }
}
