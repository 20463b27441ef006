using System.IO;
using Xunit;

namespace Wit.Core.Tests.Wit.ParseFail;

/// <summary>The harness reads upstream's rendered errors correctly; a misread would make the conformance numbers meaningless.</summary>
public sealed class UpstreamErrorTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "pf");

    [Fact]
    public void ReadsMessageAndLocationOfASingleFileCase()
    {
        const string rendered = "expected keyword `func`, found '('\n     --> tests/ui/parse-fail/async1.wit:2:9\n      |\n    2 | a: async()\n      |         ^";

        var error = UpstreamError.Parse(rendered, Root);

        Assert.Equal("expected keyword `func`, found '('", error.Message);
        Assert.Equal(Path.Combine(Root, "async1.wit"), error.File);
        Assert.Equal((2, 9), (error.Line, error.Column));
        Assert.True(error.IsSyntaxLevel);
    }

    [Fact]
    public void StripsTheDirectoryAndPackageContextPrefixes()
    {
        const string rendered = "failed to resolve directory while parsing WIT for path [tests/ui/parse-fail/multi]: failed to parse package: "
            + "tests/ui/parse-fail/multi: expected `type`, `resource` or `func`, found eof\n     --> tests/ui/parse-fail/multi/observe.wit:6:1\n";

        var error = UpstreamError.Parse(rendered, Root);

        Assert.Equal("expected `type`, `resource` or `func`, found eof", error.Message);
        Assert.Equal(Path.Combine(Root, "multi", "observe.wit"), error.File);
        Assert.Equal((6, 1), (error.Line, error.Column));
    }

    [Fact]
    public void ReadsTheLocationOfAnErrorOnAVeryLongLineFromTheMessageLine()
    {
        // wit-parser prints no source line longer than 500 bytes, only `file:line:column: message`.
        const string rendered = "tests/ui/parse-fail/very-large-column.wit:1:65543: expected '{', found an identifier";

        var error = UpstreamError.Parse(rendered, Root);

        Assert.Equal("expected '{', found an identifier", error.Message);
        Assert.Equal(Path.Combine(Root, "very-large-column.wit"), error.File);
        Assert.Equal((1, 65543), (error.Line, error.Column));
        Assert.True(error.IsSyntaxLevel);
    }

    [Theory]
    [InlineData("type `bar` does not exist", false)]
    [InlineData("failed to resolve directory while parsing WIT for path [x]: interface 'nonexistent' not found in package 'foo:bar'", false)]
    [InlineData("empty enum", false)]
    [InlineData("package nesting too deep", true)]
    [InlineData("unterminated string literal", true)]
    public void ClassifiesSyntaxAndResolutionErrors(string firstLine, bool syntaxLevel)
    {
        Assert.Equal(syntaxLevel, UpstreamError.Parse(firstLine + "\n", Root).IsSyntaxLevel);
    }

    [Fact]
    public void AnErrorWithoutLocationHasNoFile()
    {
        var error = UpstreamError.Parse("package `foo:shared` is defined in two different locations:\n  * a\n  * b\n", Root);

        Assert.Null(error.File);
        Assert.False(error.IsSyntaxLevel);
    }
}
