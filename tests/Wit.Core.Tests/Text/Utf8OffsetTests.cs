using System;
using System.Text;
using Wit.Core.Text;
using Xunit;

namespace Wit.Core.Tests.Text;

public sealed class Utf8OffsetTests
{
    [Theory]
    [InlineData("abc", new[] { 0, 1, 2, 3 })]
    [InlineData("a\u00e9b", new[] { 0, 1, 3, 4 })]
    [InlineData("a\u20acb", new[] { 0, 1, 4, 5 })]
    [InlineData("\u4e2d\u6587", new[] { 0, 3, 6 })]
    [InlineData("a\ud83d\ude00b", new[] { 0, 1, -1, 5, 6 })]
    public void Utf16ToUtf8CountsOneTwoThreeAndFourByteCharacters(string text, int[] expected)
    {
        var source = SourceText.From(text);

        for (int offset = 0; offset < expected.Length; offset++)
        {
            // -1 marks the middle of a surrogate pair, which no client sends; it is checked in its own test.
            if (expected[offset] >= 0) Assert.Equal(expected[offset], source.GetUtf8Offset(offset));
        }
    }

    [Theory]
    [InlineData("abc", new[] { 0, 1, 2, 3 })]
    [InlineData("a\u00e9b", new[] { 0, 1, 1, 2, 3 })]
    [InlineData("a\u20acb", new[] { 0, 1, 1, 1, 2, 3 })]
    [InlineData("a\ud83d\ude00b", new[] { 0, 1, 1, 1, 1, 3, 4 })]
    public void Utf8ToUtf16MapsEveryByteOffsetAndSnapsInsideCharactersToTheirStart(string text, int[] expected)
    {
        var source = SourceText.From(text);

        for (int utf8 = 0; utf8 < expected.Length; utf8++) Assert.Equal(expected[utf8], source.GetOffsetFromUtf8(utf8));
    }

    [Fact]
    public void Utf8OffsetPastTheEndMapsToTheTextLength()
    {
        var source = SourceText.From("a\u00e9");

        Assert.Equal(2, source.GetOffsetFromUtf8(3));
        Assert.Equal(2, source.GetOffsetFromUtf8(100));
    }

    [Fact]
    public void LoneSurrogatesCountAsTheThreeBytesOfTheReplacementCharacter()
    {
        var source = SourceText.From("a\ud800b\udc00");

        Assert.Equal(1, source.GetUtf8Offset(1));
        Assert.Equal(4, source.GetUtf8Offset(2));
        Assert.Equal(5, source.GetUtf8Offset(3));
        Assert.Equal(8, source.GetUtf8Offset(4));
        Assert.Equal(2, source.GetOffsetFromUtf8(4));
        Assert.Equal(3, source.GetOffsetFromUtf8(5));
    }

    [Fact]
    public void OffsetInsideASurrogatePairCountsTheHighSurrogateAlone()
    {
        // Documented behaviour: a high surrogate whose partner lies past the offset is counted like a lone one.
        var source = SourceText.From("a\ud83d\ude00b");

        Assert.Equal(4, source.GetUtf8Offset(2));
    }

    [Fact]
    public void AgreesWithTheFrameworkEncoderAndRoundTripsOnMixedText()
    {
        var random = new Random(1234);
        string[] pieces = { "a", "Z", "\n", "\r\n", "\u00e9", "\u07ff", "\u0800", "\u20ac", "\uffff", "\ud83d\ude00", "\U0010FFFF", "\t" };
        for (int round = 0; round < 200; round++)
        {
            var builder = new StringBuilder();
            int count = random.Next(0, 30);
            for (int i = 0; i < count; i++) builder.Append(pieces[random.Next(pieces.Length)]);
            string text = builder.ToString();
            var source = SourceText.From(text);

            for (int offset = 0; offset <= text.Length; offset++)
            {
                if (offset > 0 && offset < text.Length && char.IsLowSurrogate(text[offset])) continue;
                int utf8 = source.GetUtf8Offset(offset);
                Assert.Equal(Encoding.UTF8.GetByteCount(text.Substring(0, offset)), utf8);
                Assert.Equal(offset, source.GetOffsetFromUtf8(utf8));
            }

            Assert.Equal(Encoding.UTF8.GetByteCount(text), source.GetUtf8Offset(text.Length));
        }
    }

    [Fact]
    public void OffsetsOutsideTheTextAreRejected()
    {
        var source = SourceText.From("ab");

        Assert.Throws<ArgumentOutOfRangeException>(() => source.GetUtf8Offset(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.GetUtf8Offset(3));
    }
}
