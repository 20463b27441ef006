using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Wit.Core.Text;
using Wit.Ide.Analysis;

namespace Wit.Ide.Navigation;

/// <summary>
/// Document highlight: the occurrences of the symbol at the cursor in that document only; the declaring name is
/// <see cref="IdeHighlightKind.Write"/>, every other occurrence <see cref="IdeHighlightKind.Read"/>.
/// </summary>
public static class HighlightProvider
{
    public static IReadOnlyList<IdeHighlight> Highlights(IdeSnapshot snapshot, string path, int offset)
    {
        if (snapshot.WitxAnalysisOf(path) is { } witx)
        {
            var declarations = WitxNavigation.Definition(witx, offset).Where(l => l.Path == path).Select(l => l.Span).ToHashSet();
            return WitxNavigation.Occurrences(snapshot, witx, offset, includeDeclaration: true)
                .Where(l => l.Path == path)
                .Select(l => new IdeHighlight(l.Span, declarations.Contains(l.Span) ? IdeHighlightKind.Write : IdeHighlightKind.Read))
                .ToList();
        }

        if (snapshot.GetDocument(path)?.Tree is { } tree && UseAliasBinding.At(tree, offset) is { } alias)
        {
            return alias.Occurrences(includeDeclaration: true)
                .Select(span => new IdeHighlight(span, span == alias.Declaration ? IdeHighlightKind.Write : IdeHighlightKind.Read))
                .ToList();
        }

        if (SymbolOccurrences.CanonicalAt(snapshot, path, offset) is not { } target) return Array.Empty<IdeHighlight>();
        var declared = new HashSet<TextSpan>();
        if (target.Declaration is { } own && own.Path == path) declared.Add(own.Span);
        return SymbolOccurrences.Of(snapshot, target, includeDeclaration: true, CancellationToken.None)
            .Where(l => l.Path == path)
            .Select(l => new IdeHighlight(l.Span, declared.Contains(l.Span) ? IdeHighlightKind.Write : IdeHighlightKind.Read))
            .ToList();
    }
}
