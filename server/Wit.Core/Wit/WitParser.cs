using Wit.Core.Syntax;
using Wit.Core.Text;

namespace Wit.Core.Wit;

/// <summary>Placeholder until the WIT parser lands.</summary>
internal static class WitParser
{
    public static GreenNode ParseDocument(string text) =>
        new(SyntaxKind.WitDocument, new GreenElement[] { new GreenToken(SyntaxKind.EndOfFileToken, string.Empty, new[] { new GreenTrivia(SyntaxKind.WhitespaceTrivia, text) }, null) });

    public static GreenNode Reparse(GreenNode oldRoot, string newText, TextChange change) => ParseDocument(newText);
}
