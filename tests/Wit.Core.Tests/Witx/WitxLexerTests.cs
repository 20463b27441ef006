using System.Collections.Generic;
using System.Linq;
using Wit.Core.Syntax;
using Wit.Core.Witx;
using Xunit;

namespace Wit.Core.Tests.Witx;

public sealed class WitxLexerTests
{
    private static List<GreenToken> Lex(string text)
    {
        var lexer = new WitxLexer(text, 0);
        var tokens = new List<GreenToken>();
        while (true)
        {
            var token = lexer.Next();
            tokens.Add(token);
            if (token.Kind == SyntaxKind.EndOfFileToken) break;
        }

        Assert.Equal(text, string.Concat(tokens.Select(t => t.ToFullString())));
        return tokens;
    }

    private static string Kinds(string text) => string.Join(" ", Lex(text).Select(t => $"{t.Kind}:{t.Text}"));

    [Theory]
    [InlineData("(typename $size u32)", "OpenParenToken:( WitxKeywordToken:typename WitxIdentifierToken:$size WitxKeywordToken:u32 CloseParenToken:) EndOfFileToken:")]
    [InlineData("(@witx const_pointer $x)", "OpenParenToken:( WitxAnnotationToken:@witx WitxKeywordToken:const_pointer WitxIdentifierToken:$x CloseParenToken:) EndOfFileToken:")]
    [InlineData("(export \"fd_read\")", "OpenParenToken:( WitxKeywordToken:export WitxStringToken:\"fd_read\" CloseParenToken:) EndOfFileToken:")]
    [InlineData("0 42 -1 +7 0xff00000000000001 1_000", "WitxIntegerToken:0 WitxIntegerToken:42 WitxIntegerToken:-1 WitxIntegerToken:+7 WitxIntegerToken:0xff00000000000001 WitxIntegerToken:1_000 EndOfFileToken:")]
    [InlineData("get-arg0 i32.from_u8 * - $2big", "WitxKeywordToken:get-arg0 WitxKeywordToken:i32.from_u8 WitxKeywordToken:* WitxKeywordToken:- WitxIdentifierToken:$2big EndOfFileToken:")]
    [InlineData("a\"s\"b", "WitxKeywordToken:a WitxStringToken:\"s\" WitxKeywordToken:b EndOfFileToken:")]
    public void LexesAtoms(string text, string expected) => Assert.Equal(expected, Kinds(text));

    [Theory]
    [InlineData("18446744073709551615")]
    [InlineData("0xffff_ffff_ffff_ffff")]
    [InlineData("-9223372036854775808")]
    [InlineData("+0x0")]
    public void IntegersAtTheLimitsAreValid(string text)
    {
        var token = Lex(text)[0];
        Assert.Equal(SyntaxKind.WitxIntegerToken, token.Kind);
        Assert.Empty(token.Diagnostics);
    }

    [Fact]
    public void StringEscapesAreKeptInTheTokenAndDecodedByUnescape()
    {
        string text = "\"a\\n\\t\\\"\\\\\\u{1F600}\\41\\e2\\82\\ac\"";
        var token = Lex(text)[0];
        Assert.Equal(SyntaxKind.WitxStringToken, token.Kind);
        Assert.Equal(text, token.Text);
        Assert.Empty(token.Diagnostics);
        Assert.Equal("a\n\t\"\\\U0001F600A\u20ac", WitxLexer.Unescape(token.Text));
    }

    [Fact]
    public void TrailingTriviaRunsToTheEndOfTheLine()
    {
        var tokens = Lex("(a) ;; note\n  ;;; doc\n(; block ;) (b)");
        var close = tokens[2];
        Assert.Equal(new[] { SyntaxKind.WhitespaceTrivia, SyntaxKind.LineCommentTrivia, SyntaxKind.EndOfLineTrivia }, close.TrailingTrivia.Select(t => t.Kind));
        var open = tokens[3];
        Assert.Equal(
            new[] { SyntaxKind.WhitespaceTrivia, SyntaxKind.DocLineCommentTrivia, SyntaxKind.EndOfLineTrivia, SyntaxKind.BlockCommentTrivia, SyntaxKind.WhitespaceTrivia },
            open.LeadingTrivia.Select(t => t.Kind));
        Assert.Equal(";;; doc", open.LeadingTrivia[1].Text);
    }

    [Theory]
    [InlineData(";; plain", SyntaxKind.LineCommentTrivia)]
    [InlineData(";;", SyntaxKind.LineCommentTrivia)]
    [InlineData(";;;", SyntaxKind.DocLineCommentTrivia)]
    [InlineData(";;; doc", SyntaxKind.DocLineCommentTrivia)]
    [InlineData(";;;; banner", SyntaxKind.LineCommentTrivia)]
    [InlineData("(; a (; nested ;) b ;)", SyntaxKind.BlockCommentTrivia)]
    [InlineData("(; ;; a line comment does not hide ;)", SyntaxKind.BlockCommentTrivia)]
    public void CommentsAreSingleTrivia(string text, SyntaxKind kind)
    {
        var eof = Assert.Single(Lex(text));
        var trivia = Assert.Single(eof.LeadingTrivia);
        Assert.Equal(kind, trivia.Kind);
        Assert.Equal(text, trivia.Text);
        Assert.Empty(eof.Diagnostics);
    }

    [Fact]
    public void CarriageReturnLineFeedIsOneLineBreak()
    {
        var tokens = Lex("(a)\r\n(b)\r(c)\n");
        Assert.Equal("\r\n", tokens[2].TrailingTrivia.Single().Text);
        Assert.Equal("\r", tokens[5].TrailingTrivia.Single().Text);
        Assert.Equal("\n", tokens[8].TrailingTrivia.Single().Text);
    }

    [Fact]
    public void ByteOrderMarkIsWhitespaceOnlyAtTheStart()
    {
        var tokens = Lex("\uFEFF(a \uFEFF)");
        Assert.Equal(SyntaxKind.WhitespaceTrivia, tokens[0].LeadingTrivia.Single().Kind);
        Assert.Equal(SyntaxKind.BadToken, tokens[2].Kind);
        Assert.Equal("unexpected character '\\u{feff}'", tokens[2].Diagnostics.Single().Message);
    }

    [Theory]
    [InlineData("{", "unexpected character '{'")]
    [InlineData(",", "unexpected character ','")]
    [InlineData(";", "unexpected character ';'")]
    [InlineData("é", "unexpected character 'é'")]
    [InlineData("\U0001F600", "unexpected character '\U0001F600'")]
    [InlineData("\u0001", "unexpected character '\\u{1}'")]
    public void UnexpectedCharactersAreBadTokens(string text, string message)
    {
        var token = Lex(text)[0];
        Assert.Equal(SyntaxKind.BadToken, token.Kind);
        Assert.Equal(text, token.Text);
        var diagnostic = Assert.Single(token.Diagnostics);
        Assert.Equal("WITX0002", diagnostic.Descriptor.Code);
        Assert.Equal(message, diagnostic.Message);
        Assert.Equal((0, text.Length), (diagnostic.Offset, diagnostic.Length));
    }

    [Fact]
    public void UnterminatedStringEndsAtTheEndOfTheLine()
    {
        var tokens = Lex("  \"abc\n(x)");
        Assert.Equal(SyntaxKind.WitxStringToken, tokens[0].Kind);
        Assert.Equal("\"abc", tokens[0].Text);
        var diagnostic = Assert.Single(tokens[0].Diagnostics);
        Assert.Equal(("WITX0004", "unterminated string literal", 2, 4), (diagnostic.Descriptor.Code, diagnostic.Message, diagnostic.Offset, diagnostic.Length));
        Assert.Equal(SyntaxKind.OpenParenToken, tokens[1].Kind);
    }

    [Fact]
    public void UnterminatedBlockCommentEndsAtTheEndOfTheFile()
    {
        var tokens = Lex("(a) (; x (; y ;)\n(b)");
        var close = tokens[2];
        Assert.Equal("(; x (; y ;)\n(b)", close.TrailingTrivia.Last().Text);
        var diagnostic = Assert.Single(close.Diagnostics);
        // The offset is relative to the ')' token's full start (position 2): the comment opens at position 4.
        Assert.Equal(("WITX0003", "unterminated block comment", 2, 2), (diagnostic.Descriptor.Code, diagnostic.Message, diagnostic.Offset, diagnostic.Length));
    }

    [Theory]
    [InlineData("\"\\q\"", "invalid escape `\\q` in string literal", 1, 2)]
    [InlineData("\"ab\\u{110000}\"", "invalid escape `\\u{110000}` in string literal", 3, 10)]
    [InlineData("\"\\u{d800}\"", "invalid escape `\\u{d800}` in string literal", 1, 8)]
    [InlineData("\"\\u{}\"", "invalid escape `\\u{}` in string literal", 1, 4)]
    [InlineData("\"\\4\"", "invalid escape `\\4` in string literal", 1, 2)]
    [InlineData("12ab", "invalid integer literal `12ab`", 0, 4)]
    [InlineData("0x", "invalid integer literal `0x`", 0, 2)]
    [InlineData("1__0", "invalid integer literal `1__0`", 0, 4)]
    [InlineData("$", "expected an identifier name after '$'", 0, 1)]
    [InlineData("18446744073709551616", "integer literal `18446744073709551616` does not fit in 64 bits", 0, 20)]
    [InlineData("0x1_0000_0000_0000_0000", "integer literal `0x1_0000_0000_0000_0000` does not fit in 64 bits", 0, 23)]
    [InlineData("-9223372036854775809", "integer literal `-9223372036854775809` does not fit in 64 bits", 0, 20)]
    public void InvalidTokensAreReported(string text, string message, int offset, int length)
    {
        var token = Lex(text)[0];
        Assert.Equal(text, token.Text);
        var diagnostic = Assert.Single(token.Diagnostics);
        Assert.Equal(("WITX0008", message, offset, length), (diagnostic.Descriptor.Code, diagnostic.Message, diagnostic.Offset, diagnostic.Length));
    }
}
