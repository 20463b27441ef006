using System.Diagnostics;
using System.Linq;
using Wit.Core.Syntax;
using Xunit;

namespace Wit.Core.Tests.Wit;

/// <summary>
/// Issue 20, finding 2: a run of characters that start no token is one bad token with one diagnostic (naming its
/// first character, spanning the run), in WIT and in WITX, where each character used to get its own.
/// </summary>
public sealed class InvalidCharacterRunTests
{
    private static string[] Describe(SyntaxTree tree) =>
        tree.Diagnostics.Select(d => $"{d.Code} {d.Span.Start}+{d.Span.Length}: {d.Message}").ToArray();

    [Theory]
    [InlineData("package a:b;\n###\n", "WIT0002 13+3: unexpected character '#'")]
    [InlineData("package a:b;\n#\u00a7 #\n", "WIT0002 13+2: unexpected character '#'", "WIT0002 16+1: unexpected character '#'")]
    [InlineData("package a:b;\n# x #\n", "WIT0002 13+1: unexpected character '#'", "WIT0002 17+1: unexpected character '#'")]
    [InlineData("package a:b;\n# \n#\n", "WIT0002 13+1: unexpected character '#'", "WIT0002 16+1: unexpected character '#'")]
    [InlineData("package a:b;\n#\U0001F600#\n", "WIT0002 13+4: unexpected character '#'")]
    public void ARunOfUnexpectedWitCharactersIsReportedOnce(string text, params string[] expected)
    {
        var tree = SyntaxTree.ParseWit(text);

        Assert.Equal(expected, Describe(tree).Where(d => d.StartsWith("WIT0002", System.StringComparison.Ordinal)).ToArray());
        Assert.Equal(text, tree.Root.ToFullString());
    }

    [Fact]
    public void AForbiddenCharacterInARunIsStillReportedByItself()
    {
        var tree = SyntaxTree.ParseWit("package a:b;\n#\u202e#\n");

        Assert.Equal(new[] { "WIT0002 13+1", "WIT0009 14+1", "WIT0002 15+1" }, tree.Diagnostics.Where(d => d.Code is "WIT0002" or "WIT0009").OrderBy(d => d.Span.Start).Select(d => $"{d.Code} {d.Span.Start}+{d.Span.Length}").ToArray());
    }

    // The lexer skips the forbidden-character pass over a name made only of ASCII (no ASCII name character is
    // forbidden); a discouraged letter anywhere in a name, first, inside, last or after `%`, is still reported there.
    [Theory]
    [InlineData("package a:b;\ninterface \u0149x {}\n", 23)]
    [InlineData("package a:b;\ninterface ab\u0149cd {}\n", 25)]
    [InlineData("package a:b;\ninterface abcd\u0149 {}\n", 27)]
    [InlineData("package a:b;\ninterface %\u0149x {}\n", 24)]
    [InlineData("package a:b;\ninterface %a\u17b4 {}\n", 25)]
    public void ADiscouragedLetterInANameIsReportedWhereItIs(string text, int position)
    {
        var tree = SyntaxTree.ParseWit(text);

        Assert.Contains(tree.Diagnostics, d => d.Code == "WIT0009" && d.Span.Start == position && d.Span.Length == 1);
    }

    [Fact]
    public void AHundredThousandHashesGiveOneWitDiagnostic()
    {
        string text = "package a:b;\n" + new string('#', 100_000) + "\n";

        var diagnostics = Describe(SyntaxTree.ParseWit(text)).Where(d => d.StartsWith("WIT0002", System.StringComparison.Ordinal)).ToArray();

        Assert.Equal(new[] { "WIT0002 13+100000: unexpected character '#'" }, diagnostics);
    }

    // Found by the long fuzz run (seed 29, input 594596): a run of stray tokens that the lexer reads as tokens (`%` is an
    // explicit-name prefix, `@` an attribute) cost the parser a diagnostic per token, 600,000 for a 600 KB run. Errors
    // within a token of the last one are a cascade of it and are reported once; separate breakages still are reported.
    [Theory]
    [InlineData("%")]
    [InlineData("@")]
    [InlineData("%a")]
    public void ARunOfStrayTokensInABodyIsReportedOnce(string unit)
    {
        string text = "package a:b;\ninterface i {\n  " + string.Concat(Enumerable.Repeat(unit, 20_000)) + "\n}\n";

        var tree = SyntaxTree.ParseWit(text);

        Assert.Single(tree.Diagnostics);
        Assert.Equal(text, tree.Root.ToFullString());
        // Stray names after the first error are skipped together, not parsed one by one as members with their other
        // tokens missing (a node or two per name: 1.1 s and 300 MB for 600 KB of `%`).
        // (`@` runs are still an attribute node each: 160 ms for 600 KB.)
        if (unit.StartsWith("%", System.StringComparison.Ordinal)) Assert.True(tree.Root.DescendantNodes().Count() < 50, $"{tree.Root.DescendantNodes().Count()} nodes");
    }

    [Fact]
    public void AMemberAfterStrayNamesStillParses()
    {
        var tree = SyntaxTree.ParseWit("package a:b;\ninterface i {\n  f g h: func();\n  k: func();\n}\n");

        Assert.Single(tree.Diagnostics);
        Assert.Equal(new[] { "h", "k" }, tree.Root.DescendantNodes().Where(n => n.Kind == SyntaxKind.FunctionItem)
            .Select(n => n.ChildTokens().First(t => t.Kind == SyntaxKind.IdentifierToken).Text).Skip(1).ToArray());
    }

    [Fact]
    public void BreakagesApartAreEachReported()
    {
        var tree = SyntaxTree.ParseWit("package a:b;\ninterface i {\n  f: func(a: u32 b: u32);\n  g: func() -> ;\n}\n");

        Assert.Equal(2, tree.Diagnostics.Count());
    }

    [Theory]
    [InlineData("(typename $a u8) \u00e9\u00e9\u00e9", "WITX0002 17+3: unexpected character '\u00e9'")]
    [InlineData("(typename $a\u00e9\u00e9 u8)", "WITX0002 12+2: unexpected character '\u00e9'")]
    [InlineData("{,} ;", "WITX0002 0+3: unexpected character '{'", "WITX0002 4+1: unexpected character ';'")]
    [InlineData("{,}\n{", "WITX0002 0+3: unexpected character '{'", "WITX0002 4+1: unexpected character '{'")]
    public void ARunOfUnexpectedWitxCharactersIsReportedOnce(string text, params string[] expected)
    {
        var tree = SyntaxTree.ParseWitx(text);

        Assert.Equal(expected, Describe(tree).Where(d => d.StartsWith("WITX0002", System.StringComparison.Ordinal)).ToArray());
        Assert.Equal(text, tree.Root.ToFullString());
    }

    [Fact]
    public void TwoMegabytesOfBadWitxCharactersGiveOneDiagnosticPerRun()
    {
        // One bad token and one diagnostic per run of 999 characters, not per character (the cost the issue measured).
        string text = "(typename $a u8)\n" + string.Concat(Enumerable.Repeat(new string('\u00e9', 999) + "\n", 2_000));

        var tree = SyntaxTree.ParseWitx(text);
        int count = tree.Diagnostics.Count(d => d.Code == "WITX0002");

        Assert.Equal(2_000, count);
    }
}
