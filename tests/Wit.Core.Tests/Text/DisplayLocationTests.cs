using Wit.Core.Text;
using Xunit;

namespace Wit.Core.Tests.Text;

public sealed class DisplayLocationTests
{
    [Theory]
    [InlineData("ab\ncd", 0, 1, 1)]
    [InlineData("ab\ncd", 2, 1, 3)]
    [InlineData("ab\ncd", 3, 2, 1)]
    [InlineData("ab\ncd", 5, 2, 3)]
    [InlineData("ab\r\ncd", 4, 2, 1)]
    [InlineData("ab\rcd", 4, 2, 2)]
    [InlineData("\tx", 1, 1, 2)]
    [InlineData("", 0, 1, 1)]
    public void LinesAndColumnsAreOneBased(string text, int offset, int line, int column)
    {
        Assert.Equal((line, column), SourceText.From(text).GetDisplayLocation(offset));
    }

    [Fact]
    public void SurrogatePairCountsAsOneColumn()
    {
        var text = SourceText.From("x\ud83d\ude00y\n\ud83d\ude00\ud83d\ude00z");

        Assert.Equal((1, 2), text.GetDisplayLocation(1));
        Assert.Equal((1, 3), text.GetDisplayLocation(3));
        Assert.Equal((1, 4), text.GetDisplayLocation(4));
        Assert.Equal((2, 3), text.GetDisplayLocation(9));
        Assert.Equal((2, 4), text.GetDisplayLocation(10));
    }

    [Fact]
    public void CombiningMarksAndMultiByteCharactersCountOneColumnEach()
    {
        // Columns count Unicode scalar values, as rustc does, not graphemes and not UTF-8 bytes.
        var text = SourceText.From("e\u0301\u20acx");

        Assert.Equal((1, 3), text.GetDisplayLocation(2));
        Assert.Equal((1, 5), text.GetDisplayLocation(4));
    }
}
