using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of <c>textDocument/signatureHelp</c>.</summary>
public sealed class SignatureHelpParams : TextDocumentPositionParams
{
    /// <summary>The signature help context, when the client supports it.</summary>
    public SignatureHelpContext? Context { get; set; }
}
