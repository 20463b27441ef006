using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The values of <see cref="MarkupContent.Kind"/>; LSP encodes them as strings.</summary>
public static class MarkupKind
{
    /// <summary>Plain text is supported as a content format.</summary>
    public const string PlainText = "plaintext";

    /// <summary>Markdown is supported as a content format.</summary>
    public const string Markdown = "markdown";
}
