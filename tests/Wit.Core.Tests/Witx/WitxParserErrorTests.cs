using System.Linq;
using Wit.Core.Syntax;
using Xunit;
using static Wit.Core.Tests.Witx.WitxTestHelpers;

namespace Wit.Core.Tests.Witx;

/// <summary>
/// Errors with exact spans (marked <c>[|...|]</c>) and messages. Every input still round-trips, which
/// <see cref="WitxTestHelpers.Parse"/> asserts.
/// </summary>
public sealed class WitxParserErrorTests
{
    [Fact]
    public void UnbalancedCloseParen() => CheckDiagnostics(
        "(a)[|)|]\n(b) [|)|][|)|]",
        ("WITX0005", "unexpected ')' with no matching '('"),
        ("WITX0005", "unexpected ')' with no matching '('"),
        ("WITX0005", "unexpected ')' with no matching '('"));

    [Fact]
    public void MissingCloseParenAtEndOfFile() => CheckDiagnostics(
        "(typename $x (record (field $a u8)[||]",
        ("WITX0005", "expected ')', found eof"));

    [Fact]
    public void MissingCloseParenIsReportedWhereTheFormEnds() => CheckDiagnostics(
        "(ok)\n(a\n[||]\n  ;; trailing comment",
        ("WITX0005", "expected ')', found eof"));

    [Fact]
    public void MissingCloseParensAreMissingTokens()
    {
        var root = Parse("(a (b").GreenRoot;
        Assert.Equal("WitxList[( a WitxList[( b <missing>] <missing>]", Dump(root.GetSlot(0)));
    }

    [Fact]
    public void UnclosedFormsAreNotValidatedFurther() => CheckDiagnostics(
        "(typename[||]",
        ("WITX0005", "expected ')', found eof"));

    [Fact]
    public void UnterminatedString() => CheckDiagnostics(
        "(module $m (@interface func (export [|\"abc|]\n)))",
        ("WITX0004", "unterminated string literal"));

    [Fact]
    public void UnterminatedBlockCommentAfterAForm() => CheckDiagnostics(
        "(a) [|(;|] never (; closed ;)",
        ("WITX0003", "unterminated block comment"));

    [Fact]
    public void UnterminatedBlockCommentInsideAForm() => CheckDiagnostics(
        "(a [|(;|] x)[||]",
        ("WITX0003", "unterminated block comment"),
        ("WITX0005", "expected ')', found eof"));

    [Fact]
    public void BadCharacterInsideAForm() => CheckDiagnostics(
        "(typename $x [|{|])",
        ("WITX0002", "unexpected character '{'"));

    [Fact]
    public void BadCharacterAtTopLevelIsReportedOnce() => CheckDiagnostics(
        "[|,|] (a)",
        ("WITX0002", "unexpected character ','"));

    [Fact]
    public void StrayTokensAtTopLevel() => CheckDiagnostics(
        "[|foo \"bar\"|] (a) [|)|] [|42|]",
        ("WITX0001", "expected '(', found keyword `foo`"),
        ("WITX0005", "unexpected ')' with no matching '('"),
        ("WITX0001", "expected '(', found an integer"));

    [Fact]
    public void StrayTokensBecomeOneSkippedNode()
    {
        Assert.Equal(new[] { "WitxSkippedTokens[foo \"bar\" ) }]", "WitxList[( a )]" }, DumpTopLevel("foo \"bar\" ) } (a)"));
    }

    [Theory]
    [InlineData("(typename [|u32|])", "expected a `$name` after `typename`, found keyword `u32`")]
    [InlineData("(typename [|)|]", "expected a `$name` after `typename`, found ')'")]
    [InlineData("(typename $x[|)|]", "expected a type, found ')'")]
    [InlineData("(typename $x u32 [|u64|])", "expected ')', found keyword `u64`")]
    [InlineData("(typename $x u32 [|(|]list u8))", "expected ')', found '('")]
    [InlineData("(module [|(|]import \"m\" (memory)))", "expected a `$name` after `module`, found '('")]
    [InlineData("(module $m (@interface func [|(|]param $x u8)))", "expected `(export \"name\")`, found '('")]
    [InlineData("(module $m (@interface func (export [|$f|])))", "expected a string, found identifier `$f`")]
    [InlineData("(module $m (@interface func (export \"f\" [|\"g\"|])))", "expected ')', found a string")]
    [InlineData("(module $m (@interface func (export \"f\") (param [|u8|])))", "expected a `$name` after `param`, found keyword `u8`")]
    [InlineData("(module $m (@interface func (export \"f\") (result $e[|)|]))", "expected a type, found ')'")]
    [InlineData("(typename $r (record (field $a[|)|]))", "expected a type, found ')'")]
    [InlineData("(typename $v (variant (case $a u8 [|u16|])))", "expected ')', found keyword `u16`")]
    [InlineData("(typename $v (variant (case [|\"a\"|])))", "expected a `$name` after `case`, found a string")]
    [InlineData("(typename $p (@witx pointer[|)|])", "expected a type, found ')'")]
    [InlineData("(typename $p (@witx const_pointer u8 [|u8|]))", "expected ')', found keyword `u8`")]
    public void InvalidFormShapes(string marked, string message) => CheckDiagnostics(marked, ("WITX0007", message));

    [Fact]
    public void ParserDiagnosticsLiveOnTheTopLevelFormRelativeToItsStart()
    {
        var root = Parse("(a)\n(b)\n  (typename $t (record (field $f)))").GreenRoot;
        var form = root.GetSlot(2);
        Assert.Equal(SyntaxKind.WitxTypename, form.Kind);
        var diagnostic = Assert.Single(form.Diagnostics);
        // The form's full start is 8; the ')' where the field's type was expected is at 40.
        Assert.Equal((32, 1), (diagnostic.Offset, diagnostic.Length));
        var record = ((GreenNode)form).GetSlot(3);
        Assert.Empty(record.Diagnostics);
        Assert.Equal(40, SyntaxTreeDiagnosticStart("(a)\n(b)\n  (typename $t (record (field $f)))"));
    }

    private static int SyntaxTreeDiagnosticStart(string text) => Parse(text).Diagnostics.Single().Span.Start;
}
