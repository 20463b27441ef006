using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Wit.Core.Diagnostics;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace Wit.Core.Tests.Wit;

/// <summary>
/// Inputs whose depth or size a user controls: the parser, the printer and the red tree walk must handle them in
/// bounded stack space (on a 1 MB thread) and in roughly linear time.
/// </summary>
public sealed class DeepInputTests
{
    private const int Depth = 10_000;

    private readonly ITestOutputHelper _output;

    public DeepInputTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void TenThousandNestedListsReportTypeNestingTooDeepAtTheHundredFirst()
    {
        const string prefix = "package a:b;\n\ninterface i {\n  type t = ";
        string text = prefix + Repeat("list<", Depth) + "u32" + Repeat(">", Depth) + ";\n}\n";

        var (tree, tokenCount) = ParseAndWalk(text);

        Assert.NotEmpty(tree.Diagnostics);
        var first = tree.Diagnostics[0];
        Assert.Equal("type nesting too deep", first.Message);
        Assert.Equal(SyntaxDiagnostics.Wit0007.Code, first.Code);
        // wit-parser allows 100 levels and points at the 101st `list`.
        Assert.Equal(prefix.Length + (5 * 100), first.Span.Start);
        // package a : b ; interface i { type t = (list <)×N u32 >×N ; } EOF
        Assert.Equal(11 + (2 * Depth) + 1 + Depth + 3, tokenCount);
    }

    [Fact]
    public void TenThousandNestedBlockCommentsAreOneCommentWithoutErrors()
    {
        string comment = Repeat("/* ", Depth) + Repeat("*/ ", Depth).TrimEnd();
        string text = comment + "\npackage a:b;\n";

        var (tree, tokenCount) = ParseAndWalk(text);

        Assert.Empty(tree.Diagnostics);
        Assert.Equal(6, tokenCount);
        var firstToken = tree.Root.DescendantTokens().First();
        Assert.Equal(SyntaxKind.PackageKeyword, firstToken.Kind);
        var trivia = firstToken.LeadingTrivia.ToList();
        Assert.Equal(SyntaxKind.BlockCommentTrivia, trivia[0].Kind);
        Assert.Equal(comment, trivia[0].Text);
    }

    [Fact]
    public void UnterminatedTenThousandDeepCommentReportsOneError()
    {
        string text = "package a:b;\n" + Repeat("/* ", Depth) + Repeat("*/ ", Depth - 1);

        var (tree, _) = ParseAndWalk(text);

        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal(SyntaxDiagnostics.Wit0003.Code, diagnostic.Code);
        Assert.Equal("package a:b;\n".Length, diagnostic.Span.Start);
    }

    [Fact]
    public void HundredThousandLineFileHasNoDiagnostics()
    {
        string text = WitFileGenerator.Generate(100_000);
        Assert.True(text.Count(c => c == '\n') >= 100_000);

        var clock = Stopwatch.StartNew();
        var (tree, tokenCount) = ParseAndWalk(text);
        _output.WriteLine($"{text.Length} chars, {tokenCount} tokens: parsed, printed and walked in {clock.ElapsedMilliseconds} ms");

        Assert.True(tree.Diagnostics.Count == 0, "first diagnostics: " + string.Join("; ", tree.Diagnostics.Take(3).Select(d => TreeChecks.Describe(d, tree.Text))));
        Assert.True(tree.GreenRoot.SlotCount > 2000, $"expected thousands of top-level items, got {tree.GreenRoot.SlotCount}");
        Assert.Equal(SyntaxKind.World, tree.GreenRoot.GetSlot(tree.GreenRoot.SlotCount - 2).Kind);
    }

    [Fact]
    public void DeeplyNestedPackagesStopAtTheLimitAndStayWalkable()
    {
        var builder = new StringBuilder();
        for (int i = 0; i < Depth; i++) builder.Append("package a:b").Append(i).Append(" {\n");
        builder.Append(Repeat("}\n", Depth));
        string text = builder.ToString();

        var (tree, _) = ParseAndWalk(text);

        Assert.Contains(tree.Diagnostics, d => d.Message == "package nesting too deep");
    }

    /// <summary>
    /// Parses on a 1 MB stack, checks the round trip, then walks every token of the red tree, checking that the
    /// tokens tile the text; returns the tree and its token count (the end of file included).
    /// </summary>
    private static (SyntaxTree Tree, int TokenCount) ParseAndWalk(string text) => StackLimited.Run(() =>
    {
        var tree = SyntaxTree.ParseWit(text);
        Assert.Null(TreeChecks.RoundTripProblem(tree, text));
        Assert.Null(TreeChecks.DiagnosticSpanProblem(tree));
        int expectedStart = 0;
        int count = 0;
        foreach (var token in tree.Root.DescendantTokens())
        {
            Assert.Equal(expectedStart, token.FullSpan.Start);
            expectedStart = token.FullSpan.End;
            count++;
        }

        Assert.Equal(text.Length, expectedStart);
        return (tree, count);
    });

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
