using Wit.Core.Diagnostics;
using Wit.Core.Text;
using Xunit;

namespace Wit.Cli.Tests;

public class DiagnosticRendererTests
{
    [Fact]
    public void Renders_a_one_character_span_like_wit_parser()
    {
        var text = SourceText.From("interface foo {\n  abcd\n}\n", "foo.wit");
        var diagnostic = new Diagnostic(SyntaxDiagnostics.Wit0001, "expected ':', found '}'", new TextSpan(23, 1));

        string rendered = DiagnosticRenderer.Render(diagnostic, text, "dir/foo.wit");

        Assert.Equal(
            "error[WIT0001]: expected ':', found '}'\n" +
            "     --> dir/foo.wit:3:1\n" +
            "      |\n" +
            "    3 | }\n" +
            "      | ^\n",
            rendered);
    }

    [Fact]
    public void Underlines_the_rest_of_a_longer_span_with_dashes()
    {
        var text = SourceText.From("package a:b;\ninterface i {\n  type foo = bar;\n}\n");
        int start = text.Text.IndexOf("bar", System.StringComparison.Ordinal);
        var diagnostic = new Diagnostic(SyntaxDiagnostics.Wit0005, "type `bar` does not exist", new TextSpan(start, 3));

        string rendered = DiagnosticRenderer.Render(diagnostic, text, "a.wit");

        Assert.Equal(
            "error[WIT0005]: type `bar` does not exist\n" +
            "     --> a.wit:3:14\n" +
            "      |\n" +
            "    3 |   type foo = bar;\n" +
            "      |              ^--\n",
            rendered);
    }

    [Fact]
    public void Stops_the_underline_at_the_end_of_the_first_line()
    {
        // An unterminated block comment spans to the end of the file; only its first line is shown.
        var text = SourceText.From("package a:b;\n/* never\nclosed\n");
        var diagnostic = new Diagnostic(SyntaxDiagnostics.Wit0003, "unterminated block comment", new TextSpan(13, text.Length - 13));

        string rendered = DiagnosticRenderer.Render(diagnostic, text, "a.wit");

        Assert.Equal(
            "error[WIT0003]: unterminated block comment\n" +
            "     --> a.wit:2:1\n" +
            "      |\n" +
            "    2 | /* never\n" +
            "      | ^-------\n",
            rendered);
    }

    [Fact]
    public void Counts_columns_in_unicode_scalar_values()
    {
        // The emoji is two UTF-16 code units but one column, as rustc and wit-parser count.
        var text = SourceText.From("/// \U0001F600 x\ninterface é-x {}\n");
        int start = text.Text.IndexOf("é", System.StringComparison.Ordinal);
        var diagnostic = new Diagnostic(SyntaxDiagnostics.Wit0005, "invalid character in identifier 'é'", new TextSpan(start, 1));
        var emoji = new Diagnostic(SyntaxDiagnostics.Wit0002, "unexpected character 'x'", new TextSpan(7, 1));

        Assert.EndsWith("     --> a.wit:2:11\n      |\n    2 | interface é-x {}\n      |           ^\n", DiagnosticRenderer.Render(diagnostic, text, "a.wit"));
        Assert.EndsWith("     --> a.wit:1:7\n      |\n    1 | /// \U0001F600 x\n      |       ^\n", DiagnosticRenderer.Render(emoji, text, "a.wit"));
    }

    [Fact]
    public void Renders_an_empty_span_at_the_end_of_the_file()
    {
        var text = SourceText.From("interface foo {\n");
        var diagnostic = new Diagnostic(SyntaxDiagnostics.Wit0001, "expected '}', found eof", new TextSpan(text.Length, 0));

        string rendered = DiagnosticRenderer.Render(diagnostic, text, "a.wit");

        Assert.Equal(
            "error[WIT0001]: expected '}', found eof\n" +
            "     --> a.wit:2:1\n" +
            "      |\n" +
            "    2 | \n" +
            "      | ^\n",
            rendered);
    }

    [Fact]
    public void Right_aligns_line_numbers_in_a_four_column_gutter()
    {
        var text = SourceText.From(new string('\n', 41) + "  world test {\n");
        var diagnostic = new Diagnostic(SyntaxDiagnostics.Wit0001, "m", new TextSpan(41 + 8, 4), DiagnosticSeverity.Warning);

        string rendered = DiagnosticRenderer.Render(diagnostic, text, "a.wit");

        Assert.Equal(
            "warning[WIT0001]: m\n" +
            "     --> a.wit:42:9\n" +
            "      |\n" +
            "   42 |   world test {\n" +
            "      |         ^---\n",
            rendered);
    }

    [Theory]
    [InlineData(DiagnosticSeverity.Error, "error")]
    [InlineData(DiagnosticSeverity.Warning, "warning")]
    [InlineData(DiagnosticSeverity.Information, "info")]
    [InlineData(DiagnosticSeverity.Hint, "hint")]
    public void Labels_each_severity(DiagnosticSeverity severity, string label)
    {
        Assert.Equal(label, DiagnosticRenderer.SeverityLabel(severity));
    }

    [Fact]
    public void Renders_a_diagnostic_at_its_own_document()
    {
        var text = SourceText.From("package a:b;\ninterface i {\n  type foo = bar;\n}\n", "pkg\\a.wit");
        int start = text.Text.IndexOf("bar", System.StringComparison.Ordinal);
        var diagnostic = new Diagnostic(ResolveDiagnostics.Wit1001, "type `bar` does not exist", new TextSpan(start, 3), document: text);

        Assert.Equal(
            "error[WIT1001]: type `bar` does not exist\n" +
            "     --> pkg/a.wit:3:14\n" +
            "      |\n" +
            "    3 |   type foo = bar;\n" +
            "      |              ^--\n",
            DiagnosticRenderer.Render(diagnostic));
    }

    [Fact]
    public void A_diagnostic_without_a_document_is_its_header()
    {
        var diagnostic = new Diagnostic(ResolveDiagnostics.Wit1004, "something about packages", new TextSpan(0, 0));

        Assert.Equal("error[WIT1004]: something about packages\n", DiagnosticRenderer.Render(diagnostic));
    }

    [Fact]
    public void A_diagnostic_about_an_empty_document_names_only_the_file()
    {
        var diagnostic = new Diagnostic(ResolveDiagnostics.Wit1013, "not supported", new TextSpan(0, 0), document: SourceText.From(string.Empty, "deps/x.wasm"));

        Assert.Equal("error[WIT1013]: not supported\n     --> deps/x.wasm\n", DiagnosticRenderer.Render(diagnostic));
    }

    [Fact]
    public void Shows_a_long_line_only_around_the_span()
    {
        // wit-parser's very-large-column case: 65,000 characters before the error on one line.
        string head = "package demo:hell" + new string('a', 65_000) + " ";
        var text = SourceText.From(head + "world hello {\n}\n");
        var diagnostic = new Diagnostic(SyntaxDiagnostics.Wit0001, "expected '{', found an identifier", new TextSpan(head.Length, 5));

        string rendered = DiagnosticRenderer.Render(diagnostic, text, "a.wit");

        string shown = "..." + new string('a', DiagnosticRenderer.LongLineContext - 1) + " world hello {";
        Assert.Equal(
            "error[WIT0001]: expected '{', found an identifier\n" +
            $"     --> a.wit:1:{head.Length + 1}\n" +
            "      |\n" +
            $"    1 | {shown}\n" +
            "      | " + new string(' ', shown.IndexOf("world", System.StringComparison.Ordinal)) + "^----\n",
            rendered);
    }

    [Fact]
    public void A_long_line_is_cut_on_both_sides_without_splitting_a_surrogate_pair()
    {
        // Emoji (two UTF-16 units each) around "abc", the span on "b": sixty units before it end inside a pair, as do
        // sixty after it; each cut moves to the pair's edge, and the caret's column counts scalars.
        string emoji = "\U0001F600";
        string line = string.Concat(System.Linq.Enumerable.Repeat(emoji, 100)) + "abc" + string.Concat(System.Linq.Enumerable.Repeat(emoji, 300));
        int start = line.IndexOf('b');
        var text = SourceText.From(line + "\n");
        var diagnostic = new Diagnostic(SyntaxDiagnostics.Wit0001, "m", new TextSpan(start, 1));

        string[] lines = DiagnosticRenderer.Render(diagnostic, text, "a.wit").Split('\n');
        string source = lines[3].Substring("    1 | ".Length);
        string marker = lines[4].Substring("      | ".Length);

        string shown = "..." + string.Concat(System.Linq.Enumerable.Repeat(emoji, 30)) + "abc" + string.Concat(System.Linq.Enumerable.Repeat(emoji, 30)) + "...";
        Assert.Equal(shown, source);
        Assert.Equal(3 + 30 + 2, marker.IndexOf('^') + 1);
        Assert.Equal("^", marker.Trim());
    }
}
