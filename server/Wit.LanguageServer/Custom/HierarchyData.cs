namespace Wit.LanguageServer.Custom;

/// <summary>What a hierarchy item carries in LSP's <c>data</c> to be found again: its declaration's file and name offset.</summary>
public sealed class HierarchyData
{
    public required string Path { get; set; }

    public required int Offset { get; set; }
}
