using System;
using Wit.Core.Text;
using Xunit;

namespace Wit.Core.Tests.Text;

public sealed class SourceTextTests
{
    [Theory]
    [InlineData("hello world", 6, 5, "there", "hello there")]
    [InlineData("abc", 0, 0, "x", "xabc")]
    [InlineData("abc", 3, 0, "x", "abcx")]
    [InlineData("abc", 0, 3, "", "")]
    [InlineData("a\r\nb", 1, 2, "\n", "a\nb")]
    public void WithChangeReplacesTheSpanInTheOldText(string before, int start, int length, string inserted, string after)
    {
        var text = SourceText.From(before, "dir/file.wit").WithChange(new TextChange(new TextSpan(start, length), inserted));

        Assert.Equal(after, text.Text);
        Assert.Equal("dir/file.wit", text.Path);
        Assert.Equal(SourceText.From(after).Lines.LineCount, text.Lines.LineCount);
    }

    [Fact]
    public void WithChangePastTheEndIsRejected()
    {
        var text = SourceText.From("abc");

        Assert.Throws<ArgumentOutOfRangeException>(() => text.WithChange(new TextChange(new TextSpan(2, 2), "x")));
    }

    [Fact]
    public void NullTextBecomesEmpty()
    {
        Assert.Equal(string.Empty, SourceText.From(null!).Text);
    }

    [Fact]
    public void ToUtf8EncodesTheWholeText()
    {
        Assert.Equal(new byte[] { 0x61, 0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80 }, SourceText.From("a\u00e9\ud83d\ude00").ToUtf8());
    }
}
