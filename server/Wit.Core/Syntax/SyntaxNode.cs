using System;
using System.Collections.Generic;
using Wit.Core.Text;

namespace Wit.Core.Syntax;

/// <summary>
/// A node with its parent and absolute position: a thin cursor over a <see cref="GreenNode"/>, created on demand and
/// never cached (a walked tree's red nodes would otherwise live as long as the tree and cost more than its green
/// nodes: 13 bytes per byte of text). Two cursors over the same node of the same tree are equal
/// (<see cref="Equals(SyntaxNode?)"/>, <c>==</c>), whether or not they are the same object.
/// </summary>
public sealed class SyntaxNode : IEquatable<SyntaxNode>
{

    internal SyntaxNode(SyntaxTree? tree, SyntaxNode? parent, GreenNode green, int position, int index)
    {
        Tree = tree;
        Parent = parent;
        Green = green;
        Position = position;
        Index = index;
    }

    public SyntaxTree? Tree { get; }

    public SyntaxNode? Parent { get; }

    public GreenNode Green { get; }

    /// <summary>The full start, leading trivia included.</summary>
    public int Position { get; }

    /// <summary>The slot of this node in its parent.</summary>
    public int Index { get; }

    public SyntaxKind Kind => Green.Kind;

    public TextSpan FullSpan => new(Position, Green.FullWidth);

    /// <summary>The span without the first token's leading trivia and the last token's trailing trivia.</summary>
    public TextSpan Span
    {
        get
        {
            int start = Position;
            int end = Position + Green.FullWidth;
            var first = FirstToken();
            var last = LastToken();
            if (first is { } f) start = f.Span.Start;
            if (last is { } l) end = l.Span.End;
            return end >= start ? TextSpan.FromBounds(start, end) : new TextSpan(start, 0);
        }
    }

    public int SlotCount => Green.SlotCount;

    public SyntaxElement GetChild(int index) => CreateChild(Green.GetSlot(index), ChildOffset(index), index);

    /// <summary>
    /// The absolute start of a child: the widths before it summed, so random access costs the index (walks over every
    /// child use the enumerators, which keep a running offset).
    /// </summary>
    private int ChildOffset(int index)
    {
        int offset = Position;
        for (int i = 0; i < index; i++) offset += Green.GetSlot(i).FullWidth;
        return offset;
    }

    /// <summary>
    /// The token before <paramref name="token"/> in the tree, or null for the first token; no full-tree search, and
    /// positions are counted back from the token (no per-node offset tables).
    /// </summary>
    public static SyntaxToken? PreviousToken(SyntaxToken token)
    {
        SyntaxNode? node = token.Parent;
        int index = token.Index;
        int position = token.Position;
        while (node is not null)
        {
            int offset = position;
            for (int i = index - 1; i >= 0; i--)
            {
                var slot = node.Green.GetSlot(i);
                offset -= slot.FullWidth;
                if (slot is GreenToken previous) return new SyntaxToken(node, previous, offset, i);
                if (slot is GreenNode green && green.FirstToken() is not null) return node.ChildNode(green, offset, i).LastToken();
            }

            index = node.Index;
            position = node.Position;
            node = node.Parent;
        }

        return null;
    }

    public ChildSyntaxList ChildrenWithTokens() => new(this);

    public ChildNodeList ChildNodes() => new(this);

    public ChildTokenList ChildTokens() => new(this);

    /// <summary>Every token below this node in document order, computed without recursion.</summary>
    public IEnumerable<SyntaxToken> DescendantTokens()
    {
        foreach (var element in DescendantElements())
        {
            if (element.IsToken) yield return element.AsToken();
        }
    }

    /// <summary>Every node below this one (not this one) in document order.</summary>
    public IEnumerable<SyntaxNode> DescendantNodes() => DescendantNodes(static _ => true);

    /// <summary>
    /// The nodes below this one in pre-order, descending only into the nodes <paramref name="descendInto"/> accepts (a
    /// search that knows where its targets can be skips the rest of the tree), with an explicit stack of struct
    /// enumerators (one array for the whole walk, not an object per node).
    /// </summary>
    public IEnumerable<SyntaxNode> DescendantNodes(Func<SyntaxNode, bool> descendInto)
    {
        var stack = new ChildNodeList.Enumerator[8];
        int depth = 0;
        stack[depth++] = ChildNodes().GetEnumerator();
        while (depth > 0)
        {
            if (!stack[depth - 1].MoveNext())
            {
                depth--;
                continue;
            }

            var node = stack[depth - 1].Current;
            yield return node;
            if (!descendInto(node)) continue;
            if (depth == stack.Length) Array.Resize(ref stack, depth * 2);
            stack[depth++] = node.ChildNodes().GetEnumerator();
        }
    }

    /// <summary>Every node and token below this node in pre-order, computed with an explicit stack.</summary>
    public IEnumerable<SyntaxElement> DescendantElements()
    {
        var stack = new ChildSyntaxList.Enumerator[8];
        int depth = 0;
        stack[depth++] = ChildrenWithTokens().GetEnumerator();
        while (depth > 0)
        {
            if (!stack[depth - 1].MoveNext())
            {
                depth--;
                continue;
            }

            var element = stack[depth - 1].Current;
            yield return element;
            if (element.AsNode() is not { } node) continue;
            if (depth == stack.Length) Array.Resize(ref stack, depth * 2);
            stack[depth++] = node.ChildrenWithTokens().GetEnumerator();
        }
    }

    public IEnumerable<SyntaxNode> AncestorsAndSelf()
    {
        for (var node = this; node is not null; node = node.Parent) yield return node;
    }

    /// <summary>
    /// The first token below this node (possibly a missing one), found by descending the first branch that holds a
    /// token: no enumeration of the subtree, because every <see cref="Span"/> asks for it.
    /// </summary>
    public SyntaxToken? FirstToken()
    {
        SyntaxNode node = this;
        while (true)
        {
            int offset = node.Position;
            SyntaxNode? next = null;
            for (int i = 0; i < node.SlotCount && next is null; i++)
            {
                var slot = node.Green.GetSlot(i);
                if (slot is GreenToken token) return new SyntaxToken(node, token, offset, i);
                if (HasToken((GreenNode)slot)) next = node.ChildNode((GreenNode)slot, offset, i);
                offset += slot.FullWidth;
            }

            if (next is null) return null;
            node = next;
        }
    }

    /// <summary>
    /// The green tokens <see cref="FirstToken"/> and <c>PreviousToken(FirstToken())</c> find, without making a red node:
    /// what an item's docs are read from (a red node for the item's first token and one for the item before it, for
    /// each of a large file's items, were a tenth of resolving it). The slots before the first token inside this node
    /// hold no token, so the search for the previous one goes on before this node, up the parents that exist already.
    /// </summary>
    internal (GreenToken? First, GreenToken? Previous) FirstAndPreviousGreenTokens()
    {
        GreenToken? first = null;
        GreenNode current = Green;
        while (first is null)
        {
            GreenNode? next = null;
            for (int i = 0; i < current.SlotCount && first is null && next is null; i++)
            {
                var slot = current.GetSlot(i);
                if (slot is GreenToken token) first = token;
                else if (HasToken((GreenNode)slot)) next = (GreenNode)slot;
            }

            if (first is not null) break;
            if (next is null) return (null, null);
            current = next;
        }

        SyntaxNode? node = Parent;
        int index = Index;
        while (node is not null)
        {
            for (int i = index - 1; i >= 0; i--)
            {
                var slot = node.Green.GetSlot(i);
                if (slot is GreenToken previous) return (first, previous);
                if (slot is GreenNode green && green.FirstToken() is not null) return (first, green.LastToken());
            }

            index = node.Index;
            node = node.Parent;
        }

        return (first, null);
    }

    /// <summary>Whether a green subtree holds any token (empty nodes do not), with an explicit stack.</summary>
    private static bool HasToken(GreenNode green)
    {
        if (green.SlotCount == 0) return false;
        if (green.GetSlot(0) is GreenToken) return true;
        var stack = new Stack<GreenNode>();
        stack.Push(green);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            for (int i = 0; i < node.SlotCount; i++)
            {
                var slot = node.GetSlot(i);
                if (slot is GreenToken) return true;
                stack.Push((GreenNode)slot);
            }
        }

        return false;
    }

    /// <summary>The last token below this node (possibly a missing one), with positions counted back from the end.</summary>
    public SyntaxToken? LastToken()
    {
        SyntaxNode node = this;
        while (true)
        {
            int offset = node.Position + node.Green.FullWidth;
            SyntaxNode? next = null;
            for (int i = node.SlotCount - 1; i >= 0 && next is null; i--)
            {
                var slot = node.Green.GetSlot(i);
                offset -= slot.FullWidth;
                if (slot is GreenToken token) return new SyntaxToken(node, token, offset, i);
                if (slot is GreenNode g && g.FirstToken() is not null) next = node.ChildNode(g, offset, i);
            }

            if (next is null) return null;
            node = next;
        }
    }

    /// <summary>The token whose full span contains <paramref name="position"/> (the end of file token at the end).</summary>
    public SyntaxToken? FindToken(int position)
    {
        SyntaxNode node = this;
        while (true)
        {
            SyntaxElement? found = null;
            foreach (var child in node.ChildrenWithTokens())
            {
                var span = child.FullSpan;
                if (position >= span.Start && position < span.End)
                {
                    found = child;
                    break;
                }
            }

            if (found is null) return node.LastToken();
            if (found.Value.IsToken) return found.Value.AsToken();
            node = found.Value.AsNode()!;
        }
    }

    public string ToFullString() => Green.ToFullString();

    public override string ToString() => Green.ToFullString().Trim();

    internal SyntaxElement CreateChild(GreenElement slot, int offset, int index) =>
        slot is GreenToken token ? new SyntaxElement(new SyntaxToken(this, token, offset, index)) : new SyntaxElement(ChildNode((GreenNode)slot, offset, index));

    /// <summary>The red node of the child slot <paramref name="index"/> (a new cursor each time).</summary>
    internal SyntaxNode ChildNode(GreenNode slot, int offset, int index) => new(Tree, this, slot, offset, index);

    /// <summary>
    /// The same node of the same tree: the green node, its position, its slot and its parent's green node identify it
    /// (a node does not contain itself; the slot and the parent tell apart a shared empty node repeated in one place).
    /// </summary>
    public bool Equals(SyntaxNode? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (ReferenceEquals(Green, other.Green) && Position == other.Position && Index == other.Index && ReferenceEquals(Tree, other.Tree)
                && ReferenceEquals(Parent?.Green, other.Parent?.Green)));

    public override bool Equals(object? obj) => obj is SyntaxNode other && Equals(other);

    public override int GetHashCode() => unchecked((System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Green) * 31) + Position);

    public static bool operator ==(SyntaxNode? left, SyntaxNode? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(SyntaxNode? left, SyntaxNode? right) => !(left == right);
}
