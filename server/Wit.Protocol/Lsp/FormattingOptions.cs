using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Value-object describing what options formatting should use.</summary>
public sealed class FormattingOptions
{
    /// <summary>The size of a tab in spaces.</summary>
    public required int TabSize { get; set; }

    /// <summary>Whether to prefer spaces over tabs.</summary>
    public required bool InsertSpaces { get; set; }

    /// <summary>Whether to trim trailing whitespace on a line.</summary>
    public bool? TrimTrailingWhitespace { get; set; }

    /// <summary>Whether to insert a newline character at the end of the file if one does not exist.</summary>
    public bool? InsertFinalNewline { get; set; }

    /// <summary>Whether to trim all newlines after the final newline at the end of the file.</summary>
    public bool? TrimFinalNewlines { get; set; }

    /// <summary>Further formatting options LSP allows (booleans, integers or strings keyed by name).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalOptions { get; set; }
}
