namespace Wit.Ide.Symbols;

/// <summary>A declaration found by a workspace symbol search: its name, kind, what contains it, and where its name is.</summary>
public sealed record WorkspaceSymbolResult(string Name, IdeSymbolKind Kind, string? ContainerName, IdeLocation Location);
