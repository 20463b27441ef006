using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Wit.Ide.Analysis;

namespace Wit.Ide.Navigation;

/// <summary>
/// Find all references: every place the symbol at the cursor is named, across all package roots and their
/// <c>deps/</c> (see <see cref="SymbolOccurrences"/> for how <c>use</c> names and <c>include</c> renames count), or
/// the <c>$name</c>s of a WITX document and the files it uses.
/// </summary>
public static class ReferencesProvider
{
    /// <summary>
    /// The occurrences of the symbol at <paramref name="offset"/>, in path and offset order; the declaring name is
    /// included only when <paramref name="includeDeclaration"/> is set. Empty when nothing is named there.
    /// </summary>
    public static IReadOnlyList<IdeLocation> References(IdeSnapshot snapshot, string path, int offset, bool includeDeclaration, CancellationToken cancellationToken)
    {
        if (snapshot.WitxAnalysisOf(path) is { } witx) return WitxNavigation.Occurrences(snapshot, witx, offset, includeDeclaration);
        if (snapshot.GetDocument(path)?.Tree is { } tree && UseAliasBinding.At(tree, offset) is { } alias)
        {
            return alias.Occurrences(includeDeclaration).Select(span => new IdeLocation(path, span)).ToList();
        }

        if (SymbolOccurrences.CanonicalAt(snapshot, path, offset) is not { } target) return Array.Empty<IdeLocation>();
        return SymbolOccurrences.Of(snapshot, target, includeDeclaration, cancellationToken)
            .Where(l => l.Path is not null)
            .Select(l => new IdeLocation(l.Path!, l.Span))
            .ToList();
    }
}
