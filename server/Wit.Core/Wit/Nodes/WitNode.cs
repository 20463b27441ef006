using System.Collections.Generic;
using Wit.Core.Syntax;
using Wit.Core.Text;

namespace Wit.Core.Wit.Nodes;

/// <summary>
/// The base of the typed WIT wrappers: a view over a red <see cref="SyntaxNode"/> with accessors that find children by
/// kind. Every accessor may return null (or nothing) on broken code, so features keep working while a file is being
/// typed.
/// </summary>
public abstract class WitNode
{
    private protected WitNode(SyntaxNode syntax)
    {
        Syntax = syntax;
    }

    public SyntaxNode Syntax { get; }

    public SyntaxKind Kind => Syntax.Kind;

    public TextSpan Span => Syntax.Span;

    /// <summary>The <c>@since</c>, <c>@unstable</c>, <c>@deprecated</c> and <c>@external-id</c> attributes before the item.</summary>
    public IEnumerable<AttributeSyntax> Attributes => Children<AttributeSyntax>();

    /// <summary>The doc comments (<c>///</c> and <c>/** */</c>) before the item, their text without comment markers.</summary>
    public IReadOnlyList<string> DocComments
    {
        get
        {
            var docs = new List<string>();
            if (Syntax.FirstToken() is not { } first) return docs;
            foreach (var trivia in first.LeadingTrivia)
            {
                if (trivia.Kind == SyntaxKind.DocLineCommentTrivia) docs.Add(trivia.Text.Substring(3));
                else if (trivia.Kind == SyntaxKind.DocBlockCommentTrivia) docs.Add(trivia.Text.Substring(3, System.Math.Max(0, trivia.Text.Length - 5)));
                else if (trivia.Kind is SyntaxKind.LineCommentTrivia or SyntaxKind.BlockCommentTrivia) docs.Clear();
            }

            return docs;
        }
    }

    /// <summary>Wraps a node in its typed view, or returns null for kinds without one.</summary>
    public static WitNode? From(SyntaxNode node) => WitNodeFactory.Create(node);

    /// <summary>The first non-missing child token of <paramref name="kind"/>.</summary>
    protected SyntaxToken? Token(SyntaxKind kind)
    {
        foreach (var token in Syntax.ChildTokens())
        {
            if (token.Kind == kind && !token.IsMissing) return token;
        }

        return null;
    }

    /// <summary>The non-missing child tokens of <paramref name="kind"/>.</summary>
    protected IEnumerable<SyntaxToken> Tokens(SyntaxKind kind)
    {
        foreach (var token in Syntax.ChildTokens())
        {
            if (token.Kind == kind && !token.IsMissing) yield return token;
        }
    }

    protected T? Child<T>() where T : WitNode
    {
        var green = Syntax.Green;
        int offset = Syntax.Position;
        for (int i = 0; i < green.SlotCount; i++)
        {
            var slot = green.GetSlot(i);
            if (slot is GreenNode child && ViewOf<T>(Syntax, child, offset, i) is { } typed) return typed;
            offset += slot.FullWidth;
        }

        return null;
    }

    protected IEnumerable<T> Children<T>() where T : WitNode
    {
        var green = Syntax.Green;
        int offset = Syntax.Position;
        for (int i = 0; i < green.SlotCount; i++)
        {
            var slot = green.GetSlot(i);
            if (slot is GreenNode child && ViewOf<T>(Syntax, child, offset, i) is { } typed) yield return typed;
            offset += slot.FullWidth;
        }
    }

    /// <summary>The children of the first child node of <paramref name="listKind"/> that have the typed view <typeparamref name="T"/>.</summary>
    protected IEnumerable<T> ListItems<T>(SyntaxKind listKind) where T : WitNode
    {
        var green = Syntax.Green;
        int offset = Syntax.Position;
        for (int i = 0; i < green.SlotCount; i++)
        {
            var slot = green.GetSlot(i);
            if (slot is GreenNode list && list.Kind == listKind)
            {
                var listNode = Syntax.ChildNode(list, offset, i);
                int itemOffset = offset;
                for (int j = 0; j < list.SlotCount; j++)
                {
                    var item = list.GetSlot(j);
                    if (item is GreenNode itemGreen && ViewOf<T>(listNode, itemGreen, itemOffset, j) is { } typed) yield return typed;
                    itemOffset += item.FullWidth;
                }

                yield break;
            }

            offset += slot.FullWidth;
        }
    }

    /// <summary>
    /// The typed view <typeparamref name="T"/> of a child, or null when its kind has another view. A kind's view is a
    /// function of the kind alone, so the answer is kept per kind (<see cref="ViewKinds{T}"/>): children of other kinds
    /// cost no red node and no view.
    /// </summary>
    private static T? ViewOf<T>(SyntaxNode parent, GreenNode child, int offset, int index) where T : WitNode
    {
        var known = ViewKinds<T>.Known;
        int kind = (int)child.Kind;
        if (kind < known.Length && known[kind] == ViewKinds<T>.No) return null;
        var typed = From(parent.ChildNode(child, offset, index)) as T;
        if (kind < known.Length) known[kind] = typed is null ? ViewKinds<T>.No : ViewKinds<T>.Yes;
        return typed;
    }

    /// <summary>Per kind, whether its typed view is a <typeparamref name="T"/> (unknown until first met; writes race harmlessly, all write the same).</summary>
    private static class ViewKinds<T>
    {
        public const byte Yes = 1;
        public const byte No = 2;

        public static readonly byte[] Known = new byte[512];
    }

    public override string ToString() => Syntax.ToString();
}
