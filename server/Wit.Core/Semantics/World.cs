using System.Collections.Generic;

namespace Wit.Core.Semantics;

/// <summary>A resolved world with its elaborated imports and exports (includes merged, implicit imports added).</summary>
public sealed class World
{
    internal World(string name)
    {
        Name = name;
    }

    public int Index { get; internal set; } = -1;

    public string Name { get; }

    public Package? Package { get; internal set; }

    public List<KeyValuePair<WorldKey, WorldItem>> Imports { get; } = new();

    public List<KeyValuePair<WorldKey, WorldItem>> Exports { get; } = new();

    public string? Docs { get => DocsSource.Read(_docs); internal set => _docs = value; }

    /// <summary>The docs as stored: a string, a <see cref="Semantics.DocsSource"/> read on first use, or null.</summary>
    internal object? DocsOrSource { get => _docs; set => _docs = value; }

    private object? _docs;

    public Stability Stability { get; internal set; } = Stability.Unknown;

    public SourceLocation? Location { get; internal set; }

    public override string ToString() => Package is null ? Name : $"{Package.Name.WithoutVersion}/{Name}";
}
