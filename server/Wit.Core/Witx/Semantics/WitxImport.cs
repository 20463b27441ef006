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

    /// <summary>The import's name, <c>memory</c> in every WASI module.</summary>
    public string Name { get; }

    /// <summary>Where the import's name is written.</summary>
    public SourceLocation Location { get; }

    /// <summary>The <c>;;;</c> doc comment lines, joined; null without any.</summary>
    public string? Docs { get; }

    public override string ToString() => $"(import \"{Name}\" (memory))";
}
