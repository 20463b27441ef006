namespace Wit.Ide.Hierarchy;

/// <summary>
/// A hierarchy item's identity, serialisable for LSP's <c>data</c> field: the declaring file and the start of the
/// declaring name (the same identity as <see cref="Symbols.SymbolKey"/>).
/// </summary>
public readonly record struct HierarchyKey(string Path, int Offset);
