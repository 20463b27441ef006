using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Syntax;
using Xunit;

namespace Wit.Core.Tests.Wit;

/// <summary>
/// A <see cref="GreenToken"/> keeps its trivia in one field: the trailing trivia that nearly every token has (nothing,
/// one space, a line feed, CR LF: the shared one-element arrays) is named by flags, anything else goes with the
/// leading trivia and any diagnostics into one side object. Every shape must give back the very arrays it was made
/// with, its width, its missing flag and its diagnostics.
/// </summary>
public sealed class GreenTokenShapeTests
{
    public static TheoryData<string> TrailingShapes => new() { "none", "space", "lf", "crlf", "space-array", "comment", "two" };

    private static GreenTrivia[]? Trailing(string shape) => shape switch
    {
        "none" => null,
        "space" => GreenCache.Spaces(1)!.Singleton,
        "lf" => GreenCache.LineFeed.Singleton,
        "crlf" => GreenCache.CarriageReturnLineFeed.Singleton,
        // A space in an array of its own (not the shared one) and longer trivia are kept as given.
        "space-array" => new[] { GreenCache.Spaces(1)! },
        "comment" => new[] { new GreenTrivia(SyntaxKind.LineCommentTrivia, "// c") },
        _ => new[] { GreenCache.Spaces(2)!, GreenCache.LineFeed },
    };

    [Theory]
    [MemberData(nameof(TrailingShapes))]
    public void EveryTrailingShapeGivesBackItsTriviaWidthAndDiagnostics(string shape)
    {
        var trailing = Trailing(shape);
        var leading = new[] { GreenCache.LineFeed, new GreenTrivia(SyntaxKind.DocLineCommentTrivia, "/// Doc."), GreenCache.LineFeed };
        int trailingWidth = trailing?.Sum(t => t.Width) ?? 0;

        foreach (var lead in new[] { null, leading })
        {
            var token = new GreenToken(SyntaxKind.IdentifierToken, "name", lead, trailing);
            if (lead is null) Assert.Empty(token.LeadingTrivia);
            else Assert.Same(lead, token.LeadingTrivia);
            if (trailing is null) Assert.Empty(token.TrailingTrivia);
            else Assert.Same(trailing, token.TrailingTrivia);
            Assert.Equal(4 + (lead?.Sum(t => t.Width) ?? 0) + trailingWidth, token.FullWidth);
            Assert.Equal(trailingWidth, token.TrailingWidth);
            Assert.False(token.IsMissing);
            Assert.False(token.ContainsDiagnostics);
            Assert.Empty(token.Diagnostics);
            Assert.True(token.IsToken);

            var own = new[] { new GreenDiagnostic(SyntaxDiagnostics.ExpectedFound("'{'", "';'"), 0, 1) };
            var flagged = token.WithDiagnostics(own);
            Assert.Same(own, flagged.Diagnostics);
            Assert.True(flagged.ContainsDiagnostics);
            Assert.Same(token.LeadingTrivia, flagged.LeadingTrivia);
            Assert.Same(token.TrailingTrivia, flagged.TrailingTrivia);
            Assert.Equal(token.FullWidth, flagged.FullWidth);
            Assert.Equal(token.ToFullString(), flagged.ToFullString());
            Assert.True(GreenElement.StructurallyEqual(token, new GreenToken(SyntaxKind.IdentifierToken, "name", lead, trailing)));
        }
    }

    [Fact]
    public void AMissingTokenHasNoTriviaAndSaysItIsMissing()
    {
        var missing = GreenToken.Missing(SyntaxKind.SemicolonToken);

        Assert.True(missing.IsMissing);
        Assert.Empty(missing.LeadingTrivia);
        Assert.Empty(missing.TrailingTrivia);
        Assert.Equal(0, missing.FullWidth);
        Assert.Empty(missing.Diagnostics);
    }

    // The lexer takes one space or one line feed before a token without scanning; at the end of the file, before a
    // comment, a tab or more spaces it scans as before.
    [Theory]
    [InlineData("package a:b; ", "; |' '")]
    [InlineData("package a:b;\n", "; |'\\n'")]
    [InlineData("package a:b; \n", "; |' ' '\\n'")]
    [InlineData("package a:b; // c\n", "; |' ' '// c' '\\n'")]
    [InlineData("package a:b;\t\n", "; |'\t' '\\n'")]
    [InlineData("package a:b;  /", "; |'  '")]
    [InlineData("package a:b;\n\n", "; |'\\n'")]
    public void TrailingTriviaEndsWhereTheLineDoes(string text, string expected)
    {
        var tree = SyntaxTree.ParseWit(text);
        var semicolon = tree.Root.DescendantTokens().First(t => t.Kind == SyntaxKind.SemicolonToken).Green;

        Assert.Equal(expected, "; |" + string.Join(" ", semicolon.TrailingTrivia.Select(t => "'" + t.Text.Replace("\n", "\\n") + "'")));
        Assert.Equal(text, tree.ToFullString());
    }

    [Fact]
    public void ParsedTokensReadBackTheirTriviaAsWritten()
    {
        const string text = "package a:b; // note\r\ninterface i {\n  f: func();  \n}\n";
        var tree = SyntaxTree.ParseWit(text);
        var tokens = tree.Root.DescendantTokens().ToList();

        Assert.Equal(text, tree.ToFullString());
        Assert.Equal(new[] { " ", "// note", "\r\n" }, tokens.First(t => t.Kind == SyntaxKind.SemicolonToken).Green.TrailingTrivia.Select(t => t.Text));
        Assert.Same(GreenCache.LineFeed.Singleton, tokens.First(t => t.Kind == SyntaxKind.OpenBraceToken).Green.TrailingTrivia);
        Assert.Equal(new[] { "  ", "\n" }, tokens.Last(t => t.Kind == SyntaxKind.SemicolonToken).Green.TrailingTrivia.Select(t => t.Text));
        Assert.Same(GreenCache.Spaces(1)!.Singleton, tokens.First(t => t.Kind == SyntaxKind.PackageKeyword).Green.TrailingTrivia);
    }
}
