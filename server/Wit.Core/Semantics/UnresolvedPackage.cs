using System.Collections.Generic;
using Wit.Core.Wit.Nodes;
using Wit.Core.Workspace;

namespace Wit.Core.Semantics;

/// <summary>One package's syntax before resolution: its name and its items, each with the file it came from.</summary>
internal sealed class UnresolvedPackage
{
    public UnresolvedPackage(PackageSource source)
    {
        Source = source;
    }

    public PackageSource Source { get; }

    public PackageName? Name { get; set; }

    public SourceLocation? NameLocation { get; set; }

    /// <summary>Interfaces, worlds and top-level uses, in file order then declaration order.</summary>
    public List<(SourceFile File, WitNode Item)> Items { get; } = new();

    /// <summary>The packages referenced by foreign paths, in order of first reference, with that reference's location.</summary>
    public List<(PackageName Name, SourceLocation Location)> ForeignDependencies { get; } = new();

    public string? Docs { get; set; }

    /// <summary>Where wit-parser resolves this package by itself (see <see cref="DiagnosticOrder"/>).</summary>
    public DiagnosticOrder Order { get; set; }

    public override string ToString() => Name?.ToString() ?? "<unnamed>";
}
