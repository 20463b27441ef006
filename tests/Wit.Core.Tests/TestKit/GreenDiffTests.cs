using Wit.Core.Diagnostics;
using Wit.Core.Syntax;
using Xunit;

namespace Wit.Core.Tests.TestKit;

public sealed class GreenDiffTests
{
    [Fact]
    public void EqualTreesHaveNoDifference()
    {
        const string text = "package a:b;\ninterface i { f: func(); }\n";

        Assert.Null(GreenDiff.FirstDifference(SyntaxTree.ParseWit(text).GreenRoot, SyntaxTree.ParseWit(text).GreenRoot));
    }

    [Fact]
    public void LocatesTheFirstDifferingToken()
    {
        var expected = SyntaxTree.ParseWit("interface i { f: func(); }").GreenRoot;
        var actual = SyntaxTree.ParseWit("interface i { g: func(); }").GreenRoot;

        string? difference = GreenDiff.FirstDifference(expected, actual);

        Assert.NotNull(difference);
        Assert.StartsWith("at offset 14 ", difference, System.StringComparison.Ordinal);
        Assert.Contains("\"f\"", difference, System.StringComparison.Ordinal);
        Assert.Contains("\"g\"", difference, System.StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsDifferentDiagnosticsOnEqualText()
    {
        var clean = new GreenToken(SyntaxKind.IdentifierToken, "x", null, null);
        var flagged = clean.WithDiagnostics(new[] { new GreenDiagnostic(SyntaxDiagnostics.Wit0001, "boom", 0, 1) });

        string? difference = GreenDiff.FirstDifference(clean, flagged);

        Assert.NotNull(difference);
        Assert.Contains("boom", difference, System.StringComparison.Ordinal);
    }
}
