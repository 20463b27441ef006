using System;
using System.Collections.Generic;
using Wit.Core.Text;
using Xunit;

namespace Wit.Core.Tests.Text;

public sealed class LineMapTests
{
    public static TheoryData<string, int[]> LineStartCases => new()
    {
        { "", new[] { 0 } },
        { "abc", new[] { 0 } },
        { "a\nbc\n", new[] { 0, 2, 5 } },
        { "a\r\nbc\r\n", new[] { 0, 3, 7 } },
        { "a\rb\r\rc", new[] { 0, 2, 4, 5 } },
        { "\n\r\n\r", new[] { 0, 1, 3, 4 } },
        { "\r\n", new[] { 0, 2 } },
        { "x\ny", new[] { 0, 2 } },
        { "\n\n", new[] { 0, 1, 2 } },
    };

    [Theory]
    [MemberData(nameof(LineStartCases))]
    public void LineStartsFollowLfCrLfAndLoneCr(string text, int[] expectedStarts)
    {
        var lines = SourceText.From(text).Lines;

        Assert.Equal(expectedStarts.Length, lines.LineCount);
        for (int line = 0; line < expectedStarts.Length; line++) Assert.Equal(expectedStarts[line], lines.GetLineStart(line));
    }

    [Fact]
    public void EmptyTextHasOneEmptyLine()
    {
        var text = SourceText.From(string.Empty);

        Assert.Equal(1, text.Lines.LineCount);
        Assert.Equal(new LinePosition(0, 0), text.Lines.GetLinePosition(0));
        Assert.Equal(0, text.Lines.GetOffset(new LinePosition(0, 0)));
        Assert.Equal(string.Empty, text.GetLineText(0));
    }

    [Fact]
    public void CrLfIsOneLineBreakThatBelongsToTheLineItEnds()
    {
        var lines = SourceText.From("ab\r\ncd").Lines;

        Assert.Equal(new LinePosition(0, 2), lines.GetLinePosition(2));
        Assert.Equal(new LinePosition(0, 3), lines.GetLinePosition(3));
        Assert.Equal(new LinePosition(1, 0), lines.GetLinePosition(4));
        Assert.Equal(new LinePosition(1, 2), lines.GetLinePosition(6));
    }

    [Fact]
    public void LastLineWithoutNewlineEndsAtTextLength()
    {
        var text = SourceText.From("first\nlast");

        Assert.Equal(2, text.Lines.LineCount);
        Assert.Equal(new LinePosition(1, 4), text.Lines.GetLinePosition(10));
        Assert.Equal(10, text.Lines.GetOffset(new LinePosition(1, 4)));
        Assert.Equal("last", text.GetLineText(1));
    }

    [Fact]
    public void TextEndingInNewlineHasAnEmptyLastLine()
    {
        var text = SourceText.From("a\r\n");

        Assert.Equal(2, text.Lines.LineCount);
        Assert.Equal(new LinePosition(1, 0), text.Lines.GetLinePosition(3));
        Assert.Equal(string.Empty, text.GetLineText(1));
    }

    [Theory]
    [InlineData("a\nbc\r\ndef\rg")]
    [InlineData("\r\r\n\n\r")]
    [InlineData("")]
    [InlineData("no newline at all")]
    [InlineData("x\ud83d\ude00y\r\nz\u00e9")]
    public void OffsetToPositionRoundTripsForEveryOffset(string content)
    {
        var lines = SourceText.From(content).Lines;

        for (int offset = 0; offset <= content.Length; offset++)
        {
            var position = lines.GetLinePosition(offset);
            Assert.Equal(offset, lines.GetOffset(position));
        }
    }

    [Theory]
    [InlineData("a\nbc\r\ndef\rg")]
    [InlineData("\r\r\n\n\r")]
    [InlineData("one\ntwo\nthree")]
    public void PositionToOffsetRoundTripsForEveryCharacterOfEveryLine(string content)
    {
        var text = SourceText.From(content);
        var lines = text.Lines;

        for (int line = 0; line < lines.LineCount; line++)
        {
            int contentLength = lines.GetLineContentEnd(content, line) - lines.GetLineStart(line);
            for (int character = 0; character <= contentLength; character++)
            {
                var position = new LinePosition(line, character);
                Assert.Equal(position, lines.GetLinePosition(lines.GetOffset(position)));
            }
        }
    }

    [Theory]
    [InlineData(0, int.MaxValue, 3)]
    [InlineData(1, int.MaxValue, 7)]
    [InlineData(2, int.MaxValue, 12)]
    [InlineData(1, int.MaxValue - 3, 7)]
    [InlineData(-1, int.MaxValue, 0)]
    [InlineData(1, int.MinValue, 4)]
    [InlineData(int.MaxValue, int.MaxValue, 12)]
    public void A_character_past_the_line_end_even_near_int_MaxValue_clamps_to_it(int line, int character, int offset)
    {
        // The protocol fuzzer's edits at character int.MaxValue made start + character overflow to a negative offset.
        var lines = SourceText.From("one\ntwo\r\nend").Lines;
        Assert.Equal(offset, lines.GetOffset(new LinePosition(line, character)));
    }

    [Fact]
    public void LineTextExcludesEveryKindOfLineBreak()
    {
        var text = SourceText.From("a\r\nbb\nccc\rdddd");
        var actual = new List<string>();
        for (int line = 0; line < text.Lines.LineCount; line++) actual.Add(text.GetLineText(line));

        Assert.Equal(new[] { "a", "bb", "ccc", "dddd" }, actual);
    }

    [Fact]
    public void GetOffsetClampsPositionsOutsideTheText()
    {
        var lines = SourceText.From("ab\ncd").Lines;

        Assert.Equal(0, lines.GetOffset(new LinePosition(-1, 5)));
        Assert.Equal(5, lines.GetOffset(new LinePosition(7, 0)));
        Assert.Equal(5, lines.GetOffset(new LinePosition(1, 99)));
        Assert.Equal(3, lines.GetOffset(new LinePosition(1, -4)));
    }

    [Fact]
    public void OffsetsOutsideTheTextAreRejected()
    {
        var lines = SourceText.From("ab").Lines;

        Assert.Throws<ArgumentOutOfRangeException>(() => lines.GetLineIndex(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => lines.GetLineIndex(3));
        Assert.Equal(0, lines.GetLineIndex(2));
    }

    [Theory]
    [InlineData("ab\ncd", 0, 5, 2)]
    [InlineData("ab\r\ncd", 0, 9, 2)]
    [InlineData("ab\rcd", 0, 3, 2)]
    [InlineData("ab\ncd", 1, 9, 5)]
    public void CharacterPastTheLineClampsToTheEndOfItsContent(string content, int line, int character, int expected)
    {
        // LSP: a character beyond the line length defaults back to the line length; it never spills into the next line.
        Assert.Equal(expected, LineMap.Create(content).GetOffset(new LinePosition(line, character)));
    }
}
