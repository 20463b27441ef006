using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Core.Wit.Nodes;
using Wit.Ide.Analysis;
using Wit.Ide.Symbols;

namespace Wit.Ide.Navigation;

/// <summary>
/// Go to definition, declaration and type definition, across files, packages and <c>deps/</c>, in WIT and WITX.
/// <para>
/// Definition and declaration differ only for names that <c>use</c> brings in: the declaration of a name from
/// <c>use x.{a as b}</c> (or <c>use x.{a}</c>) is the local name in the <c>use</c> list, its definition is the original
/// <c>a</c> in interface <c>x</c>; likewise a top-level <c>use pkg/iface as i;</c> declares <c>i</c>, defined by
/// <c>iface</c>. Everything else is declared where it is defined.
/// </para>
/// <para>
/// Type definition goes from a field, parameter, function (its result), or type name to the named type its type is
/// built from, through aliases to the first definition that is not an alias (<c>type a = b;</c> goes on to <c>b</c>,
/// and on from <c>b</c> if <c>b</c> is an alias too). An anonymous type gives each named type it mentions
/// (<c>result&lt;a, b&gt;</c> gives <c>a</c> and <c>b</c>; <c>borrow&lt;r&gt;</c> gives <c>r</c>); primitives give none.
/// </para>
/// </summary>
public static class NavigationProvider
{
    private const int MaxAliasChain = 1000;

    /// <summary>Where the name at <paramref name="offset"/> is defined; empty when nothing is named there.</summary>
    public static IReadOnlyList<IdeLocation> Definition(IdeSnapshot snapshot, string path, int offset) =>
        snapshot.WitxAnalysisOf(path) is { } witx ? WitxNavigation.Definition(witx, offset) : Locate(snapshot, path, offset, followUses: true);

    /// <summary>Where the name at <paramref name="offset"/> is declared (the local name of a <c>use</c>, see the type's remarks).</summary>
    public static IReadOnlyList<IdeLocation> Declaration(IdeSnapshot snapshot, string path, int offset) =>
        snapshot.WitxAnalysisOf(path) is { } witx ? WitxNavigation.Definition(witx, offset) : Locate(snapshot, path, offset, followUses: false);

    /// <summary>The declarations of the named types the symbol at <paramref name="offset"/> has as its type.</summary>
    public static IReadOnlyList<IdeLocation> TypeDefinition(IdeSnapshot snapshot, string path, int offset)
    {
        if (snapshot.WitxAnalysisOf(path) is not null) return Array.Empty<IdeLocation>();
        if (SymbolFinder.Find(snapshot, path, offset) is not { } found) return Array.Empty<IdeLocation>();
        WitType? type = found.Target.Symbol switch
        {
            NamedType member => member.Type,
            Function function => function.Result,
            TypeDefinition definition => WitType.Of(definition),
            _ => null,
        };
        if (type is not { } start) return Array.Empty<IdeLocation>();
        var result = new List<IdeLocation>();
        foreach (var named in NamedTypesOf(start))
        {
            if (named.Location is { Path: { } file } location && !result.Contains(new IdeLocation(file, location.Span))) result.Add(new IdeLocation(file, location.Span));
        }

        return result;
    }

    /// <summary>
    /// The named, non-alias definitions a type is built from at its top: itself when named, the end of an alias chain,
    /// or the named types directly inside an anonymous type (found with an explicit stack).
    /// </summary>
    internal static IEnumerable<TypeDefinition> NamedTypesOf(WitType type)
    {
        var seen = new HashSet<TypeDefinition>();
        var stack = new Stack<WitType>();
        stack.Push(type);
        while (stack.Count > 0)
        {
            if (stack.Pop().Definition is not { } definition || !seen.Add(definition)) continue;
            if (definition.Kind == TypeDefinitionKind.Alias)
            {
                if (definition.Element is { } target) stack.Push(target);
                continue;
            }

            if (definition.Name is not null)
            {
                yield return definition;
                continue;
            }

            // An anonymous type: push its parts in reverse so they come out in source order.
            var parts = new List<WitType>();
            if (definition.Kind == TypeDefinitionKind.Handle && definition.Resource is { } resource) parts.Add(WitType.Of(resource));
            if (definition.Key is { } key) parts.Add(key);
            if (definition.Element is { } element) parts.Add(element);
            if (definition.Ok is { } ok) parts.Add(ok);
            if (definition.Err is { } err) parts.Add(err);
            parts.AddRange(definition.Elements);
            for (int i = parts.Count - 1; i >= 0; i--) stack.Push(parts[i]);
        }
    }

    private static IReadOnlyList<IdeLocation> Locate(IdeSnapshot snapshot, string path, int offset, bool followUses)
    {
        if (snapshot.GetDocument(path)?.Tree is not { } tree || snapshot.AnalysisOf(path) is not { } analysis) return Array.Empty<IdeLocation>();
        var token = NameSyntax.IdentifierAt(tree, offset);
        if (token is { } name && NameSyntax.PackageNamedBy(name, analysis.Model) is { Location: { } packageLocation })
        {
            return One(packageLocation);
        }

        // The alias of a top-level `use ... as i;` declares i; its definition is the interface the path names.
        if (token is { } alias && alias.Parent.Kind == SyntaxKind.TopLevelUse && WitNode.From(alias.Parent) is TopLevelUseSyntax aliasUse && aliasUse.Alias?.Span == alias.Span)
        {
            return followUses ? OfPath(snapshot, path, aliasUse) : One(new SourceLocation(tree.Text, alias.Span));
        }

        if (SymbolFinder.Find(snapshot, path, offset) is { } found)
        {
            var target = followUses ? SymbolOccurrences.Canonical(found.Target, renamedToo: true) : found.Target;
            return target.Declaration is { } declaration ? One(declaration) : Array.Empty<IdeLocation>();
        }

        // A local path naming a top-level `use` of this file whose target is in another package: the resolver records
        // the reference at the `use` itself, so the name at the cursor is matched by syntax.
        if (token is { } local && local.Parent.Kind == SyntaxKind.UsePath && WitNode.From(local.Parent) is UsePathSyntax { IsForeign: false }
            && NameSyntax.TopLevelUsesNamed(tree, NameSyntax.Unescape(local.Text)).FirstOrDefault() is { } use)
        {
            if (followUses) return OfPath(snapshot, path, use);
            var bound = use.Alias ?? use.Path?.ItemName;
            return bound is { } b ? One(new SourceLocation(tree.Text, b.Span)) : Array.Empty<IdeLocation>();
        }

        return Array.Empty<IdeLocation>();
    }

    /// <summary>The declaration of what a top-level <c>use</c>'s path names.</summary>
    private static IReadOnlyList<IdeLocation> OfPath(IdeSnapshot snapshot, string path, TopLevelUseSyntax use) =>
        use.Path?.ItemName is { } item && SymbolFinder.Find(snapshot, path, item.Span.Start) is { Target.Declaration: { } declaration }
            ? One(declaration)
            : Array.Empty<IdeLocation>();

    private static IReadOnlyList<IdeLocation> One(SourceLocation location) =>
        location.Path is { } file ? new[] { new IdeLocation(file, location.Span) } : Array.Empty<IdeLocation>();
}
