using System;
using Wit.Core.Text;
using Xunit;

namespace Wit.Core.Tests.Text;

public sealed class TextSpanTests
{
    [Fact]
    public void ContainsExcludesTheEnd()
    {
        var span = new TextSpan(2, 3);

        Assert.False(span.Contains(1));
        Assert.True(span.Contains(2));
        Assert.True(span.Contains(4));
        Assert.False(span.Contains(5));
        Assert.False(new TextSpan(2, 0).Contains(2));
    }

    [Theory]
    [InlineData(2, 3, 5, 0, true)]
    [InlineData(2, 3, 0, 2, true)]
    [InlineData(2, 3, 6, 1, false)]
    [InlineData(2, 3, 0, 1, false)]
    [InlineData(2, 0, 2, 0, true)]
    public void IntersectsWithCountsTouchingSpans(int start, int length, int otherStart, int otherLength, bool expected)
    {
        Assert.Equal(expected, new TextSpan(start, length).IntersectsWith(new TextSpan(otherStart, otherLength)));
    }

    [Fact]
    public void FromBoundsAndEqualityAgree()
    {
        var span = TextSpan.FromBounds(3, 7);

        Assert.Equal(new TextSpan(3, 4), span);
        Assert.True(span == new TextSpan(3, 4));
        Assert.True(span != new TextSpan(3, 5));
        Assert.Equal(7, span.End);
        Assert.Equal("[3..7)", span.ToString());
    }

    [Fact]
    public void NegativeStartOrLengthIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextSpan(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextSpan(0, -1));
    }
}
