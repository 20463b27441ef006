namespace Wit.LanguageServer.Custom;

/// <summary>The result of <c>wit/witxPreview</c>: the derived WITX of an interface or world, with the deriver's warnings.</summary>
public sealed class WitxPreview
{
    public required string Name { get; set; }

    /// <summary><c>interface</c> or <c>world</c>.</summary>
    public required string Kind { get; set; }

    public required string Witx { get; set; }

    public string[] Warnings { get; set; } = [];

    /// <summary>The type or function under the cursor, for the pane to scroll to; absent when there is none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public WitxPreviewFocusDto? Focus { get; set; }
}
