using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A range inside a document deserving special attention, usually an occurrence of the symbol under the cursor.</summary>
public sealed class DocumentHighlight
{
    /// <summary>The range this highlight applies to.</summary>
    public required Range Range { get; set; }

    /// <summary>The highlight kind; the default is <see cref="DocumentHighlightKind.Text"/>.</summary>
    public DocumentHighlightKind? Kind { get; set; }
}
