using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Wit.Conformance.Tests.Rules;
using Xunit;

namespace Wit.Conformance.Tests;

/// <summary>
/// The rule fixtures (<c>Rules/&lt;area&gt;/</c>, one per error site of wit-parser, listed in
/// <c>docs/conformance/wit-parser-rules.md</c>): our output is its reviewed baseline, and our verdict and first
/// message agree with upstream's recorded one, except for the cases in <c>Rules/disagreements.txt</c>, which must
/// still disagree (a fixed case is removed from the list).
/// </summary>
public sealed class RuleFixtureTests
{
    public static IEnumerable<object[]> Cases() => RuleFixture.All().Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_matches_the_baseline_and_upstream(string name)
    {
        var fixture = RuleFixture.All().Single(c => c.Name == name);
        var model = fixture.Resolve();
        TestKit.Baseline.Check(fixture.ExpectedPath, RuleFixture.Render(model));

        string? disagreement = fixture.Disagreement(model);
        if (KnownDisagreements.Value.TryGetValue(name, out string? reason))
        {
            Assert.True(disagreement is not null, $"{name} now agrees with upstream: remove it from Rules/disagreements.txt (listed as: {reason})");
        }
        else
        {
            Assert.True(disagreement is null, $"{name}: {disagreement}");
        }
    }

    [Fact]
    public void Every_case_has_an_upstream_verdict_and_every_listed_disagreement_a_case()
    {
        var cases = RuleFixture.All();
        Assert.True(cases.Count >= 100, $"only {cases.Count} rule fixtures were found");
        var missing = cases.Where(c => c.ReadUpstream().IsMissing).Select(c => c.Name).ToList();
        Assert.True(missing.Count == 0, "no .upstream record (run scripts/record-upstream.sh): " + string.Join(", ", missing));
        var names = cases.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var stale = KnownDisagreements.Value.Keys.Where(k => !names.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "Rules/disagreements.txt names no such case: " + string.Join(", ", stale));
        var unexplained = KnownDisagreements.Value.Where(p => p.Value.Length == 0).Select(p => p.Key).ToList();
        Assert.True(unexplained.Count == 0, "disagreements without a reason: " + string.Join(", ", unexplained));
    }

    /// <summary><c>area/case: reason</c> per line; <c>#</c> starts a comment line.</summary>
    private static readonly Lazy<Dictionary<string, string>> KnownDisagreements = new(() =>
        File.ReadAllLines(Path.Combine(RuleFixture.Directory, "disagreements.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(':', 2))
            .ToDictionary(parts => parts[0].Trim(), parts => parts.Length > 1 ? parts[1].Trim() : string.Empty, StringComparer.Ordinal));
}
