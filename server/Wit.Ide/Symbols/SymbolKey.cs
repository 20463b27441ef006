using Wit.Core.Semantics;

namespace Wit.Ide.Symbols;

/// <summary>
/// Identifies a declared symbol across analyses: its declaring file and the start of its name. Each package root
/// resolves its own model, so the same declaration (a dependency loaded by two roots, or an item copied by
/// <c>include</c>) is a different object in each; this key makes them one symbol.
/// </summary>
public readonly record struct SymbolKey(string Path, int Start)
{
    public static SymbolKey? Of(SourceLocation? location) => location?.Path is { } path ? new SymbolKey(path, location.Span.Start) : null;
}
