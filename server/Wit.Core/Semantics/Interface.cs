using System.Collections.Generic;

namespace Wit.Core.Semantics;

/// <summary>A resolved interface: named in a package, or anonymous (inline in a world).</summary>
public sealed class Interface
{
    internal Interface(string? name)
    {
        Name = name;
    }

    /// <summary>The position in <see cref="WitModel.Interfaces"/>.</summary>
    public int Index { get; internal set; } = -1;

    public string? Name { get; }

    public Package? Package { get; internal set; }

    public NameMap<TypeDefinition> Types { get; } = new();

    public NameMap<Function> Functions { get; } = new();

    public string? Docs { get => DocsSource.Read(_docs); internal set => _docs = value; }

    /// <summary>The docs as stored: a string, a <see cref="Semantics.DocsSource"/> read on first use, or null.</summary>
    internal object? DocsOrSource { get => _docs; set => _docs = value; }

    private object? _docs;

    public Stability Stability { get; internal set; } = Stability.Unknown;

    public SourceLocation? Location { get; internal set; }

    /// <summary>The names of the types left out by a gate that is off (a <c>use</c> of one is reported as gated).</summary>
    internal HashSet<string> ExcludedTypeNames { get; } = new();

    /// <summary><c>ns:pkg/name@version</c> for a named interface of a package.</summary>
    public string? QualifiedName => Name is null || Package is null
        ? Name
        : Package.Name.Version is null ? $"{Package.Name.WithoutVersion}/{Name}" : $"{Package.Name.WithoutVersion}/{Name}@{Package.Name.Version}";

    public override string ToString() => QualifiedName ?? "<inline interface>";
}
