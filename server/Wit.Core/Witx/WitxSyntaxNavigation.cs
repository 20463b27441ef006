using System.Collections.Generic;
using System.Text;
using Wit.Core.Syntax;

namespace Wit.Core.Witx;

/// <summary>Shared navigation for the typed WITX wrappers: a form's items after its head, its doc comments.</summary>
internal static class WitxSyntaxNavigation
{
    /// <summary>The children of a form after <c>(</c> and its head tokens, without the closing <c>)</c>.</summary>
    public static IEnumerable<SyntaxElement> Items(SyntaxNode form)
    {
        int skip = 1 + WitxSyntaxFacts.HeadLength(form.Kind);
        int index = 0;
        foreach (var child in form.ChildrenWithTokens())
        {
            bool isClose = index == form.SlotCount - 1 && child.Kind == SyntaxKind.CloseParenToken;
            if (index >= skip && !isClose) yield return child;
            index++;
        }
    }

    /// <summary>The item at <paramref name="position"/> after the head, or null.</summary>
    public static SyntaxElement? ItemAt(SyntaxNode form, int position)
    {
        int index = 0;
        foreach (var item in Items(form))
        {
            if (index++ == position) return item;
        }

        return null;
    }

    /// <summary>The first item when it is a token of <paramref name="kind"/>.</summary>
    public static SyntaxToken? TokenAt(SyntaxNode form, int position, SyntaxKind kind) =>
        ItemAt(form, position) is { IsToken: true } item && item.Kind == kind ? item.AsToken() : null;

    /// <summary>The child forms of a given kind, in order.</summary>
    public static IEnumerable<SyntaxNode> ChildForms(SyntaxNode form, SyntaxKind kind)
    {
        foreach (var item in Items(form))
        {
            if (item.AsNode() is { } node && node.Kind == kind) yield return node;
        }
    }

    /// <summary>
    /// The <c>;;;</c> comments before a form's <c>(</c>, each without its <c>;;;</c> and one following space, joined
    /// by line breaks; null when there are none.
    /// </summary>
    public static string? Documentation(SyntaxNode form)
    {
        if (form.FirstToken() is not { } first) return null;
        StringBuilder? builder = null;
        foreach (var trivia in first.LeadingTrivia)
        {
            if (trivia.Kind != SyntaxKind.DocLineCommentTrivia) continue;
            string line = trivia.Text.Substring(3);
            if (line.StartsWith(" ", System.StringComparison.Ordinal)) line = line.Substring(1);
            if (builder is null) builder = new StringBuilder();
            else builder.Append('\n');
            builder.Append(line);
        }

        return builder?.ToString();
    }
}
