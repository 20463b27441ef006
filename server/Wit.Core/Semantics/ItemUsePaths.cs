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
        // An item without a path (an interface of records and functions) is answered from its flag, not walked.
        if (!item.Green.ContainsUsePath) return System.Array.Empty<Entry>();
        if (s_memo.TryGetValue(item.Green, out var found)) return found;
        var entries = new List<Entry>();

        // The walk SyntaxNode.DescendantNodes(node => WitResolver.MayContainUsePath(node.Kind)) would make, in the same pre-order, with a red node only for
        // a child whose green kind is a path or may hold one: an interface of 50,000 members made a red node for each
        // of them only to read its kind.
        var stack = new Stack<SyntaxNode>();
        var children = new List<SyntaxNode>();
        PushChildren(stack, children, item);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.Kind == SyntaxKind.UsePath)
            {
                if (WitNode.From(node) is UsePathSyntax pathSyntax && ParsedPath.From(pathSyntax, file) is { } path)
                {
                    entries.Add(new Entry(path, item.Position, node.Parent?.Kind == SyntaxKind.IncludeItem, node.Parent?.Kind == SyntaxKind.UseItem, PhaseOf(node, item)));
                }
            }

            if (WitResolver.MayContainUsePath(node.Kind)) PushChildren(stack, children, node);
        }

        var computed = entries.ToArray();
        return s_memo.GetValue(item.Green, _ => computed);
    }

    /// <summary>Pushes the child nodes of <paramref name="node"/> the walk visits, the last first (so they pop in document order).</summary>
    private static void PushChildren(Stack<SyntaxNode> stack, List<SyntaxNode> children, SyntaxNode node)
    {
        children.Clear();
        var green = node.Green;
        int offset = node.Position;
        for (int i = 0; i < green.SlotCount; i++)
        {
            var slot = green.GetSlot(i);
            // A child without a path below is skipped unread beyond its flags (a body of records and functions).
            if (slot is GreenNode { ContainsUsePath: true } child && (child.Kind == SyntaxKind.UsePath || WitResolver.MayContainUsePath(child.Kind))) children.Add(node.ChildNode(child, offset, i));
            offset += slot.FullWidth;
        }

        for (int i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
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
