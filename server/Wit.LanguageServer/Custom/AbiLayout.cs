namespace Wit.LanguageServer.Custom;

/// <summary>The result of <c>wit/abiLayout</c>: an item's Canonical ABI layout as table rows and as Markdown.</summary>
public sealed class AbiLayout
{
    public required string Name { get; set; }

    public required string Kind { get; set; }

    public required AbiLayoutRowDto[] Rows { get; set; }

    public required string Markdown { get; set; }
}
