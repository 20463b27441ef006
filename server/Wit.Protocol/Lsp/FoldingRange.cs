using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A range of lines the client can fold.</summary>
public sealed class FoldingRange
{
    /// <summary>The zero-based start line of the range to fold.</summary>
    public required int StartLine { get; set; }

    /// <summary>The zero-based character offset from where the folded range starts; the line's length when omitted.</summary>
    public int? StartCharacter { get; set; }

    /// <summary>The zero-based end line of the range to fold.</summary>
    public required int EndLine { get; set; }

    /// <summary>The zero-based character offset before the folded range ends; the line's length when omitted.</summary>
    public int? EndCharacter { get; set; }

    /// <summary>The kind of range; see <see cref="FoldingRangeKind"/>.</summary>
    public string? Kind { get; set; }

    /// <summary>The text the client shows when the range is collapsed.</summary>
    public string? CollapsedText { get; set; }
}
