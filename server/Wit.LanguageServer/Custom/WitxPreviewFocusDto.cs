namespace Wit.LanguageServer.Custom;

/// <summary>The item under the cursor of a <c>wit/witxPreview</c> request: <c>type</c> or <c>function</c>, and its name.</summary>
public sealed class WitxPreviewFocusDto
{
    public required string Kind { get; set; }

    public required string Name { get; set; }
}
