using Wit.Core.Syntax;
using Wit.Core.Text;

namespace Wit.Core.Witx;

/// <summary>Placeholder until the WITX parser lands.</summary>
internal static class WitxParser
{
    public static GreenNode ParseDocument(string text) =>
        new(SyntaxKind.WitxDocument, new GreenElement[] { new GreenToken(SyntaxKind.EndOfFileToken, string.Empty, new[] { new GreenTrivia(SyntaxKind.WhitespaceTrivia, text) }, null) });

    public static GreenNode Reparse(GreenNode oldRoot, string newText, TextChange change) => ParseDocument(newText);
}
