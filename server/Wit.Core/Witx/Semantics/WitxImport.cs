using Wit.Core.Semantics;

namespace Wit.Core.Witx.Semantics;

/// <summary>A module's <c>(import "memory" (memory))</c>; memories are the only imports WITX knows.</summary>
public sealed class WitxImport
{
    internal WitxImport(string name, SourceLocation location, string? docs)
    {
        Name = name;
        Location = location;
        Docs = docs;
    }

    public string Name { get; }

    public SourceLocation Location { get; }

    public string? Docs { get; }

    public override string ToString() => $"(import \"{Name}\" (memory))";
}
