using System.Linq;
using Wit.Core.Syntax;
using Xunit;

namespace Wit.Core.Tests.Wit;

/// <summary>The root's slots are the top-level items, one node each, then the end of file.</summary>
public sealed class TopLevelShapeTests
{
    [Theory]
    [InlineData("", new[] { SyntaxKind.EndOfFileToken })]
    [InlineData("// only a comment\n", new[] { SyntaxKind.EndOfFileToken })]
    [InlineData("package a:b;\ninterface i {}\nworld w {}\n", new[] { SyntaxKind.PackageDeclaration, SyntaxKind.Interface, SyntaxKind.World, SyntaxKind.EndOfFileToken })]
    [InlineData("package a:b { interface i {} }\npackage c:d { world w {} }", new[] { SyntaxKind.NestedPackage, SyntaxKind.NestedPackage, SyntaxKind.EndOfFileToken })]
    [InlineData("use a:b/c as d;\ninterface i {}", new[] { SyntaxKind.TopLevelUse, SyntaxKind.Interface, SyntaxKind.EndOfFileToken })]
    [InlineData("@since(version = 1.0.0)\ninterface i {}", new[] { SyntaxKind.Interface, SyntaxKind.EndOfFileToken })]
    public void ValidDocumentsHaveOneSlotPerItem(string text, SyntaxKind[] expected)
    {
        var tree = SyntaxTree.ParseWit(text);

        Assert.Empty(tree.Diagnostics);
        Assert.Equal(expected, tree.GreenRoot.Slots.Select(slot => slot.Kind));
        Assert.Equal(text, tree.ToFullString());
    }

    [Fact]
    public void StrayTokensBetweenItemsAreSkippedWithOneDiagnostic()
    {
        const string text = "interface i {}\n} ) garbage\ninterface j {}\n";

        var tree = SyntaxTree.ParseWit(text);

        Assert.Equal(
            new[] { SyntaxKind.Interface, SyntaxKind.SkippedTokens, SyntaxKind.Interface, SyntaxKind.EndOfFileToken },
            tree.GreenRoot.Slots.Select(slot => slot.Kind));
        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal("WIT0001", diagnostic.Code);
        Assert.Equal(text.IndexOf('}', 14), diagnostic.Span.Start);
        Assert.Equal(text, tree.ToFullString());
    }

    [Fact]
    public void UnclosedInterfaceRunsToTheEndAndReportsTheMissingBrace()
    {
        const string text = "interface i {\n  f: func();\n";

        var tree = SyntaxTree.ParseWit(text);

        Assert.Equal(new[] { SyntaxKind.Interface, SyntaxKind.EndOfFileToken }, tree.GreenRoot.Slots.Select(slot => slot.Kind));
        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal(text.Length, diagnostic.Span.Start);
        Assert.StartsWith("expected", diagnostic.Message, System.StringComparison.Ordinal);
        Assert.EndsWith("found eof", diagnostic.Message, System.StringComparison.Ordinal);
    }
}
