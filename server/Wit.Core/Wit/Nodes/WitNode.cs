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
        foreach (var child in Children<T>()) return child;
        return null;
    }

    protected IEnumerable<T> Children<T>() where T : WitNode
    {
        foreach (var node in Syntax.ChildNodes())
        {
            if (From(node) is T typed) yield return typed;
        }
    }

    /// <summary>The children of the first child node of <paramref name="listKind"/> that have the typed view <typeparamref name="T"/>.</summary>
    protected IEnumerable<T> ListItems<T>(SyntaxKind listKind) where T : WitNode
    {
        foreach (var node in Syntax.ChildNodes())
        {
            if (node.Kind != listKind) continue;
            foreach (var item in node.ChildNodes())
            {
                if (From(item) is T typed) yield return typed;
            }

            yield break;
        }
    }

    public override string ToString() => Syntax.ToString();
}
