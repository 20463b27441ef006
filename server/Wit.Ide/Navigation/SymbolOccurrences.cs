using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Core.Wit.Nodes;
using Wit.Ide.Analysis;
using Wit.Ide.Symbols;

namespace Wit.Ide.Navigation;

/// <summary>
/// What "the same symbol" means for references, highlight and rename. A name brought in by <c>use x.{a}</c> is the
/// original <c>a</c> under the same name, so its uses are occurrences of the original; <c>use x.{a as b}</c> starts a
/// new name <c>b</c>, whose uses belong to <c>b</c> alone (the <c>a</c> in the list still names the original).
/// Names in an <c>include w with { a as b }</c> list that name an item of <c>w</c> are occurrences of that item.
/// </summary>
internal static class SymbolOccurrences
{
    private const int MaxAliasChain = 1000;

    /// <summary>The symbol at the cursor with unrenamed <c>use</c> names replaced by their originals, or null.</summary>
    public static SymbolTarget? CanonicalAt(IdeSnapshot snapshot, string path, int offset) =>
        SymbolFinder.Find(snapshot, path, offset) is { } found ? Canonical(found.Target, renamedToo: false) : null;

    /// <summary>
    /// Follows the local names <c>use</c> lists create to the type they import: only unrenamed ones, or renamed ones
    /// too (go-to-definition from <c>b</c> of <c>a as b</c> goes to <c>a</c>'s declaration).
    /// </summary>
    public static SymbolTarget Canonical(SymbolTarget target, bool renamedToo)
    {
        var current = target;
        for (int i = 0; i < MaxAliasChain; i++)
        {
            if (current.Symbol is not TypeDefinition type) break;
            var (fromUse, renamed) = NameSyntax.UseAliasShape(type, current.Analysis);
            if (!fromUse || (renamed && !renamedToo) || type.Element?.Definition is not { } original) break;
            current = TargetOf(original, current.Analysis);
        }

        return current;
    }

    /// <summary>The indexed target of a model object of <paramref name="analysis"/> (with its container), or a bare one.</summary>
    public static SymbolTarget TargetOf(object symbol, RootAnalysis analysis)
    {
        var declaration = SymbolFinder.DeclarationOf(symbol);
        return SymbolKey.Of(declaration) is { } key && analysis.Symbols.Find(key) is { } known
            ? known
            : new SymbolTarget(symbol, declaration, analysis);
    }

    /// <summary>The keys under which <paramref name="canonical"/> is known: its own and its unrenamed <c>use</c> names.</summary>
    public static HashSet<SymbolKey> KeysOf(IdeSnapshot snapshot, SymbolTarget canonical, CancellationToken cancellationToken)
    {
        var keys = new HashSet<SymbolKey>();
        if (canonical.Key is not { } own) return keys;
        keys.Add(own);
        if (canonical.Symbol is not TypeDefinition) return keys;

        // Unrenamed use names can chain (a dependency's use of a use), so grow the set until nothing is added.
        var aliases = new List<(SymbolKey Key, SymbolKey Target)>();
        foreach (var analysis in snapshot.AllAnalyses())
        {
            foreach (var type in analysis.Model.Types)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (type.Kind != TypeDefinitionKind.Alias || type.Element?.Definition is not { } original) continue;
                if (SymbolKey.Of(type.Location) is not { } key || SymbolKey.Of(original.Location) is not { } target) continue;
                var (fromUse, renamed) = NameSyntax.UseAliasShape(type, analysis);
                if (fromUse && !renamed) aliases.Add((key, target));
            }
        }

        bool grew = true;
        for (int pass = 0; grew && pass < MaxAliasChain; pass++)
        {
            grew = false;
            foreach (var (key, target) in aliases)
            {
                if (keys.Contains(target) && keys.Add(key)) grew = true;
            }
        }

        return keys;
    }

    /// <summary>Every occurrence of <paramref name="canonical"/> across the snapshot, in path and offset order.</summary>
    public static IReadOnlyList<SourceLocation> Of(IdeSnapshot snapshot, SymbolTarget canonical, bool includeDeclaration, CancellationToken cancellationToken)
    {
        var keys = KeysOf(snapshot, canonical, cancellationToken);
        if (keys.Count == 0) return System.Array.Empty<SourceLocation>();
        var result = SymbolFinder.Occurrences(snapshot, keys, includeDeclaration, cancellationToken).ToList();
        var includeRenames = IncludeRenames(snapshot, canonical, cancellationToken);
        if (includeRenames.Count == 0) return result;
        foreach (var location in includeRenames)
        {
            if (!result.Any(r => r.Path == location.Path && r.Span == location.Span)) result.Add(location);
        }

        result.Sort((a, b) =>
        {
            int byPath = string.CompareOrdinal(a.Path, b.Path);
            return byPath != 0 ? byPath : a.Span.Start.CompareTo(b.Span.Start);
        });
        return result;
    }

    /// <summary>The <c>a</c> of <c>include w with { a as b }</c> where <c>a</c> is <paramref name="target"/>, an item of world <c>w</c>.</summary>
    private static List<SourceLocation> IncludeRenames(IdeSnapshot snapshot, SymbolTarget target, CancellationToken cancellationToken)
    {
        var result = new List<SourceLocation>();
        if (target.Container is not World world || SymbolKey.Of(world.Location) is not { } worldKey) return result;
        string name = target.Name;
        var seen = new HashSet<string>();
        foreach (var analysis in snapshot.AllAnalyses())
        {
            foreach (var file in analysis.Files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!seen.Add(file.Path)) continue;
                var tree = file.Tree;
                foreach (var node in tree.Root.DescendantNodes())
                {
                    if (node.Kind != SyntaxKind.IncludeItem || WitNode.From(node) is not IncludeItemSyntax include) continue;
                    if (include.Path?.ItemName is not { } item) continue;
                    if (SymbolFinder.Find(snapshot, file.Path, item.Span.Start) is not { Target.Key: { } included } || included != worldKey) continue;
                    foreach (var rename in include.Renames)
                    {
                        if (rename.Name is { } from && NameSyntax.Unescape(from.Text) == name) result.Add(new SourceLocation(tree.Text, from.Span));
                    }
                }
            }
        }

        return result;
    }
}
