using System;
using Wit.Core.Semantics;
using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// <see cref="VersionComparer"/>: semver 2.0.0 precedence (section 11) for the versions WIT packages and @since gates
/// carry: numeric major, minor and patch; a pre-release below its release; pre-release identifiers compared one by
/// one, numbers numerically and below names, a longer list above its prefix; build metadata ignored.
/// </summary>
public class VersionComparerTests
{
    // semver.org's own example, in ascending order, and more of each rule.
    private static readonly string[] Ascending =
    [
        "0.0.0", "0.0.1", "0.0.9", "0.0.10", "0.1.0", "0.2.0", "0.2.10", "0.3.0-rc-2025-08-15", "0.3.0", "0.10.0",
        "1.0.0-0", "1.0.0-0.1", "1.0.0-9", "1.0.0-10", "1.0.0-A", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
        "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.9.0", "1.10.0", "1.11.0", "2.0.0",
        "10.0.0", "18446744073709551616.0.0",
    ];

    [Fact]
    public void Versions_are_ordered_by_precedence()
    {
        for (int i = 0; i < Ascending.Length; i++)
        {
            for (int j = 0; j < Ascending.Length; j++)
            {
                int expected = i.CompareTo(j);
                int actual = Math.Sign(VersionComparer.Compare(Ascending[i], Ascending[j]));
                Assert.True(expected == actual, $"{Ascending[i]} against {Ascending[j]}: {actual}, expected {expected}");
            }
        }
    }

    [Theory]
    [InlineData("1.0.0+build.1", "1.0.0")]
    [InlineData("1.0.0+a", "1.0.0+b")]
    [InlineData("1.0.0-rc.1+x.y", "1.0.0-rc.1")]
    [InlineData("1.0.0-a-b+c", "1.0.0-a-b")]
    [InlineData("01.2.3", "1.2.3")]
    [InlineData("1.2", "1.2.0")]
    [InlineData("1", "1.0.0")]
    public void Equal_precedence(string a, string b)
    {
        Assert.Equal(0, VersionComparer.Compare(a, b));
        Assert.Equal(0, VersionComparer.Compare(b, a));
    }

    [Theory]
    [InlineData("1.0.0-a-b", "1.0.0-a-c")]
    [InlineData("1.0.0-a.b-c", "1.0.0-a.b-d")]
    [InlineData("1.0.0-x.1", "1.0.0-x.1.0")]
    [InlineData("1.0.0-x.2", "1.0.0-x.10")]
    [InlineData("1.0.0-x.02a", "1.0.0-x.1a")]
    public void Less(string a, string b)
    {
        Assert.True(VersionComparer.Compare(a, b) < 0, $"{a} < {b}");
        Assert.True(VersionComparer.Compare(b, a) > 0, $"{b} > {a}");
    }
}
