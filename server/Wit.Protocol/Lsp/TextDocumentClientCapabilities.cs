using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Text-document-specific client capabilities.</summary>
public sealed class TextDocumentClientCapabilities
{
    /// <summary>Capabilities specific to <c>textDocument/hover</c>.</summary>
    public HoverClientCapabilities? Hover { get; set; }

    /// <summary>Capabilities specific to <c>textDocument/completion</c>.</summary>
    public CompletionClientCapabilities? Completion { get; set; }

    /// <summary>Capabilities specific to <c>textDocument/publishDiagnostics</c>.</summary>
    public PublishDiagnosticsClientCapabilities? PublishDiagnostics { get; set; }

    /// <summary>Capabilities specific to the semantic tokens requests.</summary>
    public SemanticTokensClientCapabilities? SemanticTokens { get; set; }

    /// <summary>Capabilities specific to <c>textDocument/codeAction</c>.</summary>
    public CodeActionClientCapabilities? CodeAction { get; set; }

    /// <summary>Capabilities specific to <c>textDocument/rename</c>.</summary>
    public RenameClientCapabilities? Rename { get; set; }

    /// <summary>Capabilities specific to <c>textDocument/definition</c>.</summary>
    public DefinitionClientCapabilities? Definition { get; set; }
}
