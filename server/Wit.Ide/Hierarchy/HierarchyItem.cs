using Wit.Core.Text;

namespace Wit.Ide.Hierarchy;

/// <summary>
/// A named type or function in a type or call hierarchy: its name, kind, the qualified name of what contains it
/// (<see cref="Detail"/>), the whole declaration's span (<see cref="Span"/>), the name's span
/// (<see cref="SelectionSpan"/>) and the <see cref="Key"/> to round-trip it through the client.
/// </summary>
public sealed record HierarchyItem(string Name, HierarchyItemKind Kind, string? Detail, string Path, TextSpan Span, TextSpan SelectionSpan, HierarchyKey Key);
