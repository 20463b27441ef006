using System;
using System.Collections.Generic;
using System.Threading;
using Wit.Core.Semantics;
using Wit.Ide.Analysis;

namespace Wit.Ide.Symbols;

/// <summary>
/// Answers "which symbol is this name?" and "where is this symbol named?" over a snapshot: the basis of hover,
/// definition, references, highlight and rename. A cursor touching a name (inside it or just after its last
/// character) selects it; a reference wins over a declaration.
/// </summary>
public static class SymbolFinder
{
    /// <summary>The symbol named at <paramref name="offset"/> of <paramref name="path"/>, or null.</summary>
    public static SymbolAtOffset? Find(IdeSnapshot snapshot, string path, int offset)
    {
        if (snapshot.AnalysisOf(path) is not { } analysis) return null;
        SymbolAtOffset? best = null;
        foreach (var reference in analysis.ReferencesIn(path))
        {
            var span = reference.Location.Span;
            if (span.Start > offset) break;
            if (offset > span.End) continue;
            var declaration = DeclarationOf(reference.Target);
            var target = SymbolKey.Of(declaration) is { } key && analysis.Symbols.Find(key) is { } known
                ? known
                : new SymbolTarget(reference.Target, declaration, analysis);
            best = Prefer(best, new SymbolAtOffset(target, span, IsDeclaration: false));
        }

        if (best is not null) return best;
        foreach (var declaration in analysis.Symbols.DeclarationsIn(path))
        {
            var span = declaration.Declaration!.Span;
            if (span.Start > offset) break;
            if (offset > span.End) continue;
            best = Prefer(best, new SymbolAtOffset(declaration, span, IsDeclaration: true));
        }

        return best;
    }

    /// <summary>Where a model object is declared (its name), or null.</summary>
    public static SourceLocation? DeclarationOf(object symbol) => symbol switch
    {
        TypeDefinition type => type.Location,
        Interface @interface => @interface.Location,
        World world => world.Location,
        Function function => function.Location,
        Package package => package.Location,
        NamedType member => member.Location,
        WorldItem item => item.Location,
        _ => null,
    };

    /// <summary>
    /// Every place one of <paramref name="keys"/> is named across the snapshot's analyses (one symbol known under
    /// several keys, e.g. a type and the local names <c>use</c> lists give it): the declarations (when asked for) and
    /// each resolved reference, each location once, in path and offset order.
    /// </summary>
    public static IReadOnlyList<SourceLocation> Occurrences(IdeSnapshot snapshot, IReadOnlyCollection<SymbolKey> keys, bool includeDeclaration, CancellationToken cancellationToken)
    {
        var wanted = keys as ISet<SymbolKey> ?? new HashSet<SymbolKey>(keys);
        var seen = new HashSet<(string, int, int)>();
        var result = new List<SourceLocation>();
        foreach (var analysis in snapshot.AllAnalyses())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (includeDeclaration)
            {
                foreach (var key in wanted)
                {
                    if (analysis.Symbols.Find(key) is { Declaration: { } declaration } && seen.Add((key.Path, declaration.Span.Start, declaration.Span.Length)))
                    {
                        result.Add(declaration);
                    }
                }
            }

            foreach (var reference in analysis.Model.References)
            {
                if (SymbolKey.Of(DeclarationOf(reference.Target)) is not { } target || !wanted.Contains(target)) continue;
                var location = reference.Location;
                if (location.Path is { } path && seen.Add((path, location.Span.Start, location.Span.Length))) result.Add(location);
            }
        }

        result.Sort((a, b) =>
        {
            int byPath = string.CompareOrdinal(a.Path, b.Path);
            return byPath != 0 ? byPath : a.Span.Start.CompareTo(b.Span.Start);
        });
        return result;
    }

    /// <summary>Of two candidates, the innermost one (the shorter span), so a name inside a longer path is chosen.</summary>
    private static SymbolAtOffset Prefer(SymbolAtOffset? current, SymbolAtOffset candidate)
    {
        if (current is null) return candidate;
        return candidate.Span.Length < current.Span.Length ? candidate : current;
    }
}
