using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The result of <c>textDocument/prepareRename</c>: the range to rename and the text to propose. (LSP's other shapes, a bare range or <c>defaultBehavior</c>, are not used.)</summary>
public sealed class PrepareRenameResult
{
    /// <summary>The range of the name to rename.</summary>
    public required Range Range { get; set; }

    /// <summary>The text the client shows in the rename box.</summary>
    public required string Placeholder { get; set; }
}
