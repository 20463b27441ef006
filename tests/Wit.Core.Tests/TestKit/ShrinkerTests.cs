using System;
using Xunit;

namespace Wit.Core.Tests.TestKit;

public sealed class ShrinkerTests
{
    [Fact]
    public void KeepsOnlyWhatTheFailureNeeds()
    {
        string shrunk = Shrinker.Shrink("interface a { f: func(); }\n/* oops\nworld w {}", text => text.Contains("/*", StringComparison.Ordinal));

        Assert.Equal("/*", shrunk);
    }

    [Fact]
    public void TreatsAnExceptionAsAFailure()
    {
        string shrunk = Shrinker.Shrink("abcXdef", text => text.Contains('X', StringComparison.Ordinal) ? throw new InvalidOperationException() : false);

        Assert.Equal("X", shrunk);
    }
}
