using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Core.Wit.Nodes;
using Wit.Core.Workspace;

namespace Wit.Core.Semantics;

/// <summary>
/// The use paths inside a top-level item (its <c>use</c> items, imports, exports and includes), taken apart once per
/// green node with their spans relative to the item: an item untouched by an edit keeps its green node, so every
/// resolution after a keystroke finds its paths without walking its syntax again.
/// </summary>
internal static class ItemUsePaths
{
    private static readonly ConditionalWeakTable<GreenNode, Entry[]> s_memo = new();

    /// <summary>One path: what <see cref="ParsedPath"/> holds, with spans relative to the item's position.</summary>
    internal sealed class Entry
    {
        public Entry(ParsedPath path, int itemPosition, bool inInclude, bool inUse, int phase)
        {
            Phase = phase;
            InUse = inUse;
            ItemName = path.ItemName;
            Package = path.Package;
            ItemSpan = new TextSpan(path.ItemLocation.Span.Start - itemPosition, path.ItemLocation.Span.Length);
            PathSpan = new TextSpan(path.PathLocation.Span.Start - itemPosition, path.PathLocation.Span.Length);
            InInclude = inInclude;
        }

        public string ItemName { get; }

        /// <summary>The referenced package for <c>ns:pkg/name</c>; null for a local name.</summary>
        public PackageName? Package { get; }

        public TextSpan ItemSpan { get; }

        public TextSpan PathSpan { get; }

        /// <summary>Whether the path is an <c>include</c>'s (it names a world).</summary>
        public bool InInclude { get; }

        /// <summary>Whether the path is a <c>use</c> item's inside an interface or world (it names an interface and types).</summary>
        public bool InUse { get; }

        /// <summary>
        /// When wit-parser visits the path within its world: 0 for <c>use</c>s and <c>include</c>s (and every path
        /// outside worlds), 1 inside an import, 2 inside an export.
        /// </summary>
        public int Phase { get; }

        public SourceLocation ItemLocation(SyntaxNode item, SourceFile file) => new(file.Tree.Text, new TextSpan(item.Position + ItemSpan.Start, ItemSpan.Length));

        public SourceLocation PathLocation(SyntaxNode item, SourceFile file) => new(file.Tree.Text, new TextSpan(item.Position + PathSpan.Start, PathSpan.Length));
    }

    /// <summary>The complete paths of <paramref name="item"/> (incomplete ones, after a syntax error, are left out), in source order.</summary>
    public static Entry[] Of(SyntaxNode item, SourceFile file)
    {
        if (s_memo.TryGetValue(item.Green, out var found)) return found;
        var entries = new List<Entry>();
        foreach (var node in item.DescendantNodes(WitResolver.MayContainUsePath))
        {
            if (node.Kind != SyntaxKind.UsePath || WitNode.From(node) is not UsePathSyntax pathSyntax) continue;
            if (ParsedPath.From(pathSyntax, file) is not { } path) continue;
            entries.Add(new Entry(path, item.Position, node.Parent?.Kind == SyntaxKind.IncludeItem, node.Parent?.Kind == SyntaxKind.UseItem, PhaseOf(node, item)));
        }

        var computed = entries.ToArray();
        return s_memo.GetValue(item.Green, _ => computed);
    }

    private static int PhaseOf(SyntaxNode path, SyntaxNode item)
    {
        for (var node = path.Parent; node is not null && node != item; node = node.Parent)
        {
            if (node.Kind == SyntaxKind.ImportItem) return 1;
            if (node.Kind == SyntaxKind.ExportItem) return 2;
        }

        return 0;
    }
}
