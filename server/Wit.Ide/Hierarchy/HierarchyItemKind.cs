namespace Wit.Ide.Hierarchy;

/// <summary>What a hierarchy item is (the server maps it to an LSP symbol kind).</summary>
public enum HierarchyItemKind
{
    Record,
    Variant,
    Enum,
    Flags,
    Resource,
    Alias,
    OtherType,
    Function,
}
