using System.Collections.Generic;
using Wit.Core.Diagnostics;
using Wit.Core.Syntax;

namespace Wit.Core.Semantics;

/// <summary>
/// What resolving one package added to a <see cref="WitModel"/>: the package's name, the syntax trees it was read from,
/// and the ranges of each arena (and of the diagnostics and references) it filled. A later resolution of the same
/// workspace reuses a package whose trees are the very same objects, when every package before it was reused too:
/// its arena entries then keep their indices, and nothing it refers to has changed.
/// </summary>
internal sealed class ResolvedPackageRecord
{
    public ResolvedPackageRecord(PackageName name, IReadOnlyList<SyntaxTree> trees)
    {
        Name = name;
        Trees = trees;
    }

    public PackageName Name { get; }

    public IReadOnlyList<SyntaxTree> Trees { get; }

    public (int Start, int End) Packages { get; set; }

    public (int Start, int End) Interfaces { get; set; }

    public (int Start, int End) Worlds { get; set; }

    public (int Start, int End) Types { get; set; }

    /// <summary>The package's diagnostics (the model's list is sorted afterwards, so not a range).</summary>
    public List<Diagnostic> Diagnostics { get; set; } = new();

    public (int Start, int End) References { get; set; }

    public bool SameInput(PackageName name, IReadOnlyList<SyntaxTree> trees)
    {
        if (!Name.Equals(name) || Trees.Count != trees.Count) return false;
        for (int i = 0; i < trees.Count; i++)
        {
            if (!ReferenceEquals(Trees[i], trees[i])) return false;
        }

        return true;
    }
}
