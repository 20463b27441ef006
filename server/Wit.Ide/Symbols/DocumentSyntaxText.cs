using System.Text;
using Wit.Core.Syntax;

namespace Wit.Ide.Symbols;

/// <summary>Small syntax queries the structure features share: direct child tokens and one-line item text.</summary>
internal static class DocumentSyntaxText
{
    /// <summary>The first non-missing direct child token of <paramref name="kind"/>, without enumerating all children.</summary>
    public static SyntaxToken? ChildToken(SyntaxNode node, SyntaxKind kind)
    {
        for (int i = 0; i < node.SlotCount; i++)
        {
            if (node.Green.GetSlot(i) is GreenToken green && green.Kind == kind && !green.IsMissing) return node.GetChild(i).AsToken();
        }

        return null;
    }

    /// <summary>The first direct child node of <paramref name="kind"/>.</summary>
    public static SyntaxNode? ChildNode(SyntaxNode node, SyntaxKind kind)
    {
        for (int i = 0; i < node.SlotCount; i++)
        {
            if (node.Green.GetSlot(i) is GreenNode green && green.Kind == kind) return node.GetChild(i).AsNode();
        }

        return null;
    }

    /// <summary>A declared name without the <c>%</c> that escapes keywords.</summary>
    public static string Unescape(string name) => Wit.Core.Semantics.Names.Unescape(name);

    /// <summary>
    /// The node's tokens on one line: one space wherever the source has whitespace or comments between two tokens,
    /// so a signature written over several lines reads as it would be written on one.
    /// </summary>
    public static string OneLine(SyntaxNode node, int maxLength = 200)
    {
        var text = new StringBuilder();
        bool gap = false;
        var previous = SyntaxKind.None;
        foreach (var token in node.DescendantTokens())
        {
            if (token.IsMissing || token.Kind == SyntaxKind.EndOfFileToken) continue;
            bool tight = previous is SyntaxKind.OpenParenToken or SyntaxKind.LessThanToken
                || token.Kind is SyntaxKind.CloseParenToken or SyntaxKind.GreaterThanToken or SyntaxKind.CommaToken or SyntaxKind.ColonToken or SyntaxKind.SemicolonToken;
            if (text.Length > 0 && !tight && (gap || token.Green.LeadingWidth > 0)) text.Append(' ');
            text.Append(token.Text);
            previous = token.Kind;
            gap = token.Green.TrailingWidth > 0;
            if (text.Length > maxLength)
            {
                text.Length = maxLength;
                text.Append('…');
                break;
            }
        }

        return text.ToString();
    }
}
