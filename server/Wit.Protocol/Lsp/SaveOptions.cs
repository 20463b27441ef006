using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Options for the <c>textDocument/didSave</c> notification.</summary>
public sealed class SaveOptions
{
    /// <summary>Whether the client should include the content on save.</summary>
    public bool? IncludeText { get; set; }
}
