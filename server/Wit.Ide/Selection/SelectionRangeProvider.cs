using System;
using System.Collections.Generic;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Ide.Analysis;

namespace Wit.Ide.Selection;

/// <summary>
/// Expand-selection ranges: for a position, the token there (or the comment it is in), then every enclosing syntax
/// node, then the whole file; each span strictly contains the one before. Syntax only, so it works on broken code;
/// WIT and WITX alike.
/// </summary>
public static class SelectionRangeProvider
{
    /// <summary>
    /// For each offset (in order), its chain of spans from innermost to the whole document. An unknown document gives
    /// an empty list; an offset outside the document is clamped to it.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<TextSpan>> Ranges(IdeSnapshot snapshot, string path, IReadOnlyList<int> offsets)
    {
        if (snapshot.GetDocument(path) is not { } document) return Array.Empty<IReadOnlyList<TextSpan>>();
        var tree = document.Tree;
        var result = new List<IReadOnlyList<TextSpan>>(offsets.Count);
        foreach (int offset in offsets) result.Add(Chain(tree, Math.Clamp(offset, 0, tree.Text.Length)));
        return result;
    }

    private static IReadOnlyList<TextSpan> Chain(SyntaxTree tree, int offset)
    {
        var chain = new List<TextSpan>();
        var token = Pick(tree.Root, offset);
        if (token is { } found)
        {
            if (CommentAt(found, offset) is { } comment) Add(chain, comment);
            if (found.Span.Contains(offset) || found.Span.End == offset) Add(chain, found.Span);
            for (var node = found.Parent; node is not null; node = node.Parent) Add(chain, node.Span);
        }

        Add(chain, new TextSpan(0, tree.Text.Length));
        return chain;
    }

    /// <summary>
    /// The token at <paramref name="offset"/>; at the boundary between two tokens the one that is a name wins (a
    /// cursor right after <c>foo</c> in <c>foo:</c> selects <c>foo</c>).
    /// </summary>
    private static SyntaxToken? Pick(SyntaxNode root, int offset)
    {
        var token = root.FindToken(offset);
        if (offset > 0 && token is { } at && (at.Span.Start == offset || !at.Span.Contains(offset)) && !IsName(at.Kind))
        {
            if (root.FindToken(offset - 1) is { } before && before.Span.End == offset && IsName(before.Kind)) return before;
        }

        return token;
    }

    private static bool IsName(SyntaxKind kind) => kind is SyntaxKind.IdentifierToken or SyntaxKind.WitxIdentifierToken
        || SyntaxFacts.IsKeyword(kind) || kind is SyntaxKind.WitxKeywordToken or SyntaxKind.IntegerToken or SyntaxKind.StringToken
        or SyntaxKind.WitxStringToken or SyntaxKind.WitxIntegerToken;

    /// <summary>The comment trivia of <paramref name="token"/> that contains <paramref name="offset"/>, if any.</summary>
    private static TextSpan? CommentAt(SyntaxToken token, int offset)
    {
        int position = token.FullSpan.Start;
        foreach (var trivia in token.Green.LeadingTrivia)
        {
            if (SyntaxFacts.IsComment(trivia.Kind) && offset >= position && offset < position + trivia.Width) return new TextSpan(position, trivia.Width);
            position += trivia.Width;
        }

        position = token.Span.End;
        foreach (var trivia in token.Green.TrailingTrivia)
        {
            if (SyntaxFacts.IsComment(trivia.Kind) && offset >= position && offset < position + trivia.Width) return new TextSpan(position, trivia.Width);
            position += trivia.Width;
        }

        return null;
    }

    /// <summary>Adds a span that strictly contains the last one (equal or inner spans of parents are skipped).</summary>
    private static void Add(List<TextSpan> chain, TextSpan span)
    {
        if (chain.Count > 0)
        {
            var last = chain[^1];
            if (span.Start > last.Start || span.End < last.End || span == last) return;
        }

        chain.Add(span);
    }
}
