using System.Collections.Generic;
using System.Linq;
using Wit.Core.Tests.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace Wit.Core.Tests.Witx.Semantics;

/// <summary>
/// Every directive of every <c>.witxt</c> file of the witx crate's tests holds against our WITX semantics: documents
/// resolve without diagnostics, invalid ones are rejected with the crate's message, representation checks agree, and
/// each <c>assert_abi</c> gets the same core signature and the same two instruction programs.
/// </summary>
public sealed class WitxtDirectiveTests
{
    private readonly ITestOutputHelper _output;

    public WitxtDirectiveTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> WitxtFiles() => Corpus.Files("wasi-witx", ".witxt").Select(path => new object[] { Corpus.Relative(path) });

    [Theory]
    [MemberData(nameof(WitxtFiles))]
    public void EveryDirectiveHolds(string relativePath)
    {
        var outcomes = WitxtRunner.Run(Corpus.PathOf(relativePath));
        foreach (var outcome in outcomes) _output.WriteLine(outcome.ToString());
        Assert.NotEmpty(outcomes);
        Assert.Empty(outcomes.Where(o => !o.Held && !o.MissingFiles).Select(o => o.ToString()));
        // Only the moved snapshot's wasi.witxt loads files the corpus lacks; each such directive then fails only
        // because they are missing (WITX1009), while the phases-2023-01 copy of the same file holds in full.
        var missing = outcomes.Where(o => o.MissingFiles).ToList();
        if (relativePath.EndsWith("wasi-0.1-branch/tools/witx/tests/witxt/wasi.witxt", System.StringComparison.Ordinal))
        {
            Assert.Equal(4, missing.Count);
            Assert.All(missing, o => Assert.Matches(@"^(WITX1009 cannot read `[^`]*`: no such file(; )?)+$", o.Detail));
        }
        else
        {
            Assert.Empty(missing);
        }
    }

    [Fact]
    public void DirectiveCounts()
    {
        // Both WASI snapshots carry the same eight .witxt files; the counts guard against the runner silently skipping
        // directives (or files) when the corpus or the parser changes.
        var outcomes = Corpus.Files("wasi-witx", ".witxt").SelectMany(WitxtRunner.Run).ToList();
        var byKind = outcomes.GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Count());
        _output.WriteLine(string.Join(", ", byKind.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}")) + $"; total {outcomes.Count}, held {outcomes.Count(o => o.Held)}");
        Assert.Equal(new Dictionary<string, int>
        {
            ["assert_abi"] = 2 * 44,
            ["assert_invalid"] = 2 * 20,
            ["assert_representable"] = 2 * 27,
            ["witx"] = 2 * 47,
        }, byKind);
        Assert.Equal(272, outcomes.Count(o => o.Held));
        Assert.Equal(4, outcomes.Count(o => o.MissingFiles));
    }
}
