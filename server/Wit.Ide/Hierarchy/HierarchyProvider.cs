using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Ide.Analysis;
using Wit.Ide.Navigation;
using Wit.Ide.Symbols;

namespace Wit.Ide.Hierarchy;

/// <summary>
/// Type and call hierarchies re-purposed for WIT, where nothing inherits and nothing calls:
/// <list type="bullet">
/// <item>Type hierarchy: <see cref="Supertypes"/> of a named type are the named types it is built from (field, case,
/// element, handle and alias target types, looking through anonymous types such as <c>list&lt;t&gt;</c>);
/// <see cref="Subtypes"/> are the named types built from it. Functions are not types, so they are not here.</item>
/// <item>Call hierarchy as "used by": <see cref="Incoming"/> of a type are the functions and named types whose
/// signature or definition mentions it (from-ranges: the mentions, in the user's file); <see cref="Outgoing"/> of a
/// function are the named types of its signature, of a type its parts (from-ranges: the mentions in the asked-about
/// declaration).</item>
/// </list>
/// Named types are followed as written: <c>type a = b;</c> is built from <c>b</c>, and a name from <c>use</c> is the
/// type it imports.
/// </summary>
public static class HierarchyProvider
{
    /// <summary>The named type at <paramref name="offset"/> as a type hierarchy item (none for anything else).</summary>
    public static IReadOnlyList<HierarchyItem> PrepareTypeHierarchy(IdeSnapshot snapshot, string path, int offset) =>
        At(snapshot, path, offset) is { Symbol: TypeDefinition } target && ItemOf(snapshot, target) is { } item ? new[] { item } : Array.Empty<HierarchyItem>();

    /// <summary>The named type or function at <paramref name="offset"/> as a call hierarchy item.</summary>
    public static IReadOnlyList<HierarchyItem> PrepareCallHierarchy(IdeSnapshot snapshot, string path, int offset) =>
        At(snapshot, path, offset) is { Symbol: TypeDefinition or Function } target && ItemOf(snapshot, target) is { } item ? new[] { item } : Array.Empty<HierarchyItem>();

    /// <summary>The named types <paramref name="item"/> is built from.</summary>
    public static IReadOnlyList<HierarchyItem> Supertypes(IdeSnapshot snapshot, HierarchyItem item) =>
        Resolve(snapshot, item.Key) is { Symbol: TypeDefinition type } target
            ? Parts(type).Select(p => ItemOf(snapshot, Original(p, target.Analysis))).OfType<HierarchyItem>().Distinct().ToList()
            : Array.Empty<HierarchyItem>();

    /// <summary>The named types built from <paramref name="item"/>.</summary>
    public static IReadOnlyList<HierarchyItem> Subtypes(IdeSnapshot snapshot, HierarchyItem item, CancellationToken cancellationToken = default) =>
        Users(snapshot, item, cancellationToken).Where(u => u.Target.Symbol is TypeDefinition)
            .Select(u => ItemOf(snapshot, u.Target)).OfType<HierarchyItem>().ToList();

    /// <summary>The functions and named types that mention <paramref name="item"/>, with the mentions.</summary>
    public static IReadOnlyList<HierarchyCall> Incoming(IdeSnapshot snapshot, HierarchyItem item, CancellationToken cancellationToken = default)
    {
        if (Resolve(snapshot, item.Key) is not { } target) return Array.Empty<HierarchyCall>();
        var canonical = SymbolOccurrences.Canonical(target, renamedToo: false);
        var mentions = SymbolOccurrences.Of(snapshot, canonical, includeDeclaration: false, cancellationToken);

        // A user may name the type by a renamed `use` (`use x.{a as b}`): the mentions of `b` are mentions of `a`.
        var renamedMentions = new Dictionary<SymbolKey, IReadOnlyList<SourceLocation>>();
        var wanted = new SymbolKey(item.Key.Path, item.Key.Offset);
        var result = new List<HierarchyCall>();
        foreach (var user in Users(snapshot, item, cancellationToken))
        {
            if (ItemOf(snapshot, user.Target) is not { } from) continue;
            var ranges = Within(mentions, from).ToList();
            foreach (var part in Parts(user.Target.Symbol))
            {
                var name = SymbolOccurrences.Canonical(SymbolOccurrences.TargetOf(part, user.Target.Analysis), renamedToo: false);
                if (name.Key is not { } key || key == canonical.Key || Original(part, user.Target.Analysis).Key != wanted) continue;
                if (!renamedMentions.TryGetValue(key, out var found)) renamedMentions[key] = found = SymbolOccurrences.Of(snapshot, name, includeDeclaration: false, cancellationToken);
                ranges.AddRange(Within(found, from).Where(r => !ranges.Contains(r)));
            }

            ranges.Sort((a, b) => a.Start.CompareTo(b.Start));
            result.Add(new HierarchyCall(from, ranges));
        }

        return result;
    }

    /// <summary>The named types a function's signature (or a type's definition) mentions, with the mentions.</summary>
    public static IReadOnlyList<HierarchyCall> Outgoing(IdeSnapshot snapshot, HierarchyItem item, CancellationToken cancellationToken = default)
    {
        if (Resolve(snapshot, item.Key) is not { } target) return Array.Empty<HierarchyCall>();
        var result = new List<(HierarchyItem Item, List<TextSpan> Ranges)>();
        var counted = new HashSet<SymbolKey>();
        foreach (var part in Parts(target.Symbol))
        {
            var partTarget = Original(part, target.Analysis);
            if (ItemOf(snapshot, partTarget) is not { } to) continue;
            int index = result.FindIndex(r => r.Item == to);
            if (index < 0)
            {
                result.Add((to, new List<TextSpan>()));
                index = result.Count - 1;
            }

            // The type itself, and the renamed `use` name the declaration may know it by.
            var ranges = result[index].Ranges;
            foreach (var name in new[] { partTarget, SymbolOccurrences.Canonical(SymbolOccurrences.TargetOf(part, target.Analysis), renamedToo: false) })
            {
                if (name.Key is not { } key || !counted.Add(key)) continue;
                ranges.AddRange(Within(SymbolOccurrences.Of(snapshot, name, includeDeclaration: false, cancellationToken), item).Where(r => !ranges.Contains(r)));
            }

            ranges.Sort((a, b) => a.Start.CompareTo(b.Start));
        }

        return result.Select(r => new HierarchyCall(r.Item, r.Ranges)).ToList();
    }

    /// <summary>A part as the type it names: a name from a <c>use</c> list is the imported type.</summary>
    private static SymbolTarget Original(TypeDefinition part, RootAnalysis analysis) =>
        SymbolOccurrences.Canonical(SymbolOccurrences.TargetOf(part, analysis), renamedToo: true);

    private static SymbolTarget? At(IdeSnapshot snapshot, string path, int offset) =>
        SymbolFinder.Find(snapshot, path, offset) is { } found ? SymbolOccurrences.Canonical(found.Target, renamedToo: true) : null;

    private static SymbolTarget? Resolve(IdeSnapshot snapshot, HierarchyKey key)
    {
        var symbolKey = new SymbolKey(key.Path, key.Offset);
        foreach (var analysis in snapshot.AnalysesOf(key.Path))
        {
            if (analysis.Symbols.Find(symbolKey) is { } target) return target;
        }

        return null;
    }

    /// <summary>The mentions that fall inside <paramref name="user"/>'s declaration.</summary>
    private static IReadOnlyList<TextSpan> Within(IReadOnlyList<SourceLocation> mentions, HierarchyItem user) =>
        mentions.Where(m => m.Path == user.Path && m.Span.Start >= user.Span.Start && m.Span.End <= user.Span.End).Select(m => m.Span).ToList();

    /// <summary>Every function and named type, across all analyses (each once), that is built from <paramref name="item"/>.</summary>
    private static List<(SymbolTarget Target, SymbolKey Key)> Users(IdeSnapshot snapshot, HierarchyItem item, CancellationToken cancellationToken)
    {
        var wanted = new SymbolKey(item.Key.Path, item.Key.Offset);
        var result = new List<(SymbolTarget, SymbolKey)>();
        var seen = new HashSet<SymbolKey>();
        foreach (var analysis in snapshot.AllAnalyses())
        {
            foreach (var candidate in analysis.Symbols.All)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (candidate.Symbol is not (TypeDefinition or Function) || candidate.Key is not { } key || seen.Contains(key)) continue;

                // A name a use list brings in is the imported type itself, not a user of it.
                if (candidate.Symbol is TypeDefinition type && NameSyntax.UseAliasShape(type, analysis).FromUse) continue;
                if (!Parts(candidate.Symbol).Any(p => Original(p, analysis).Key == wanted)) continue;
                seen.Add(key);
                result.Add((candidate, key));
            }
        }

        result.Sort((a, b) => a.Item2.Path != b.Item2.Path ? string.CompareOrdinal(a.Item2.Path, b.Item2.Path) : a.Item2.Start.CompareTo(b.Item2.Start));
        return result;
    }

    /// <summary>The named types (as written, aliases included) directly in a type's definition or a function's signature.</summary>
    private static IReadOnlyList<TypeDefinition> Parts(object symbol)
    {
        var types = new List<WitType>();
        switch (symbol)
        {
            case Function function:
                types.AddRange(function.Parameters.Where(p => p.Location is not null).Select(p => p.Type).OfType<WitType>());
                if (function.Result is { } functionResult) types.Add(functionResult);
                break;
            case TypeDefinition type:
                Anonymous(type, types);
                break;
        }

        var result = new List<TypeDefinition>();
        var seen = new HashSet<TypeDefinition>();
        var stack = new Stack<WitType>(Enumerable.Reverse(types));
        while (stack.Count > 0)
        {
            if (stack.Pop().Definition is not { } definition || !seen.Add(definition)) continue;
            if (definition.Name is not null)
            {
                result.Add(definition);
                continue;
            }

            var inner = new List<WitType>();
            Anonymous(definition, inner);
            for (int i = inner.Count - 1; i >= 0; i--) stack.Push(inner[i]);
        }

        return result;
    }

    /// <summary>The types a definition is made of, in source order.</summary>
    private static void Anonymous(TypeDefinition definition, List<WitType> into)
    {
        into.AddRange(definition.Members.Select(m => m.Type).OfType<WitType>());
        if (definition.Kind == TypeDefinitionKind.Handle && definition.Resource is { } resource) into.Add(WitType.Of(resource));
        if (definition.Key is { } key) into.Add(key);
        if (definition.Element is { } element) into.Add(element);
        if (definition.Ok is { } ok) into.Add(ok);
        if (definition.Err is { } err) into.Add(err);
        into.AddRange(definition.Elements);
    }

    private static HierarchyItem? ItemOf(IdeSnapshot snapshot, SymbolTarget target)
    {
        if (target.Declaration is not { Path: { } path } declaration) return null;
        var kind = target.Symbol switch
        {
            Function => HierarchyItemKind.Function,
            TypeDefinition { Kind: TypeDefinitionKind.Record } => HierarchyItemKind.Record,
            TypeDefinition { Kind: TypeDefinitionKind.Variant } => HierarchyItemKind.Variant,
            TypeDefinition { Kind: TypeDefinitionKind.Enum } => HierarchyItemKind.Enum,
            TypeDefinition { Kind: TypeDefinitionKind.Flags } => HierarchyItemKind.Flags,
            TypeDefinition { Kind: TypeDefinitionKind.Resource } => HierarchyItemKind.Resource,
            TypeDefinition { Kind: TypeDefinitionKind.Alias } => HierarchyItemKind.Alias,
            TypeDefinition => HierarchyItemKind.OtherType,
            _ => (HierarchyItemKind?)null,
        };
        if (kind is not { } itemKind) return null;
        string? detail = target.Symbol switch
        {
            TypeDefinition type => (object?)type.Owner.Interface ?? type.Owner.World,
            Function function => target.Container,
            _ => null,
        } switch
        {
            Interface @interface => @interface.QualifiedName,
            World world => world.ToString(),
            _ => null,
        };
        var span = DeclarationSpan(snapshot, path, declaration.Span);
        return new HierarchyItem(target.Name, itemKind, detail, path, span, declaration.Span, new HierarchyKey(path, declaration.Span.Start));
    }

    /// <summary>The whole declaration around a name (the item's syntax node), or the name itself.</summary>
    private static TextSpan DeclarationSpan(IdeSnapshot snapshot, string path, TextSpan name)
    {
        if (snapshot.GetDocument(path)?.Tree is not { } tree || tree.Root.FindToken(name.Start) is not { } token) return name;
        foreach (var node in token.Parent.AncestorsAndSelf())
        {
            if (node.Kind is SyntaxKind.Record or SyntaxKind.Variant or SyntaxKind.Enum or SyntaxKind.Flags or SyntaxKind.Resource
                or SyntaxKind.TypeAlias or SyntaxKind.FunctionItem or SyntaxKind.ResourceMethod or SyntaxKind.ResourceStaticFunction
                or SyntaxKind.ResourceConstructor or SyntaxKind.ImportItem or SyntaxKind.ExportItem or SyntaxKind.UseName)
            {
                return node.Span.Start <= name.Start && name.End <= node.Span.End ? node.Span : name;
            }
        }

        return name;
    }
}
