using System;
using System.IO;
using System.Linq;
using Wit.Conformance.Tests.Report;
using Wit.Conformance.Tests.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace Wit.Conformance.Tests;

/// <summary>
/// The resolver and <c>wit resolve</c>'s JSON against wit-parser's UI tests and the other corpora. Each test prints
/// the whole report (to the test output and to <c>artifacts/conformance/wit-resolve.txt</c>) and asserts its part
/// exactly: every case agrees, except those listed in <c>Corpus/disagreements.txt</c> with a reason, and a listed case
/// that agrees again fails the test until it is removed from the list.
/// </summary>
public sealed class WitResolveConformanceTests
{
    private static readonly Lazy<ResolveConformanceReport> Report = new(ResolveConformanceReport.Compute);

    private static readonly Lazy<KnownDisagreements> Known = new(() => KnownDisagreements.Read(Path.Combine(RepoPaths.Root, "tests", "Wit.Conformance.Tests", "Corpus", "disagreements.txt")));

    private readonly ITestOutputHelper _output;

    public WitResolveConformanceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Every_supported_passing_case_resolves_without_a_diagnostic()
    {
        var report = Publish();

        // Guards against an empty or misread corpus passing vacuously.
        Assert.True(report.SupportedPassing >= 50, $"only {report.SupportedPassing} supported passing cases were found");
        Assert.True(report.PassingFailures.Count == 0, string.Join("\n", report.PassingFailures));
    }

    [Fact]
    public void Cases_with_encoded_packages_report_only_that_they_are_unsupported()
    {
        var report = Publish();

        Assert.NotEmpty(report.UnsupportedPassing);
        Assert.True(report.UnsupportedViolations.Count == 0, string.Join("\n", report.UnsupportedViolations));
    }

    [Fact]
    public void Every_parse_fail_case_is_rejected()
    {
        var report = Publish();

        Assert.True(report.RejectedCases >= 100, $"only {report.RejectedCases} parse-fail cases were found");
        Known.Value.AssertExact("accept", report.WronglyAccepted);
    }

    [Fact]
    public void The_first_diagnostic_is_where_upstream_points()
    {
        var report = Publish();

        Assert.True(report.LocationCases >= 100, $"only {report.LocationCases} cases with an upstream location");
        Known.Value.AssertExact("location", report.LocationDisagreements);
    }

    [Fact]
    public void The_first_diagnostic_says_what_upstream_says()
    {
        var report = Publish();

        Known.Value.AssertExact("message", report.MessageDisagreements);
        Known.Value.AssertExact("message-verbatim", report.VerbatimDisagreements);
    }

    [Fact]
    public void Resolved_json_is_upstream_s_byte_for_byte()
    {
        var report = Publish();

        Assert.True(report.JsonCompared >= 50, $"only {report.JsonCompared} JSON documents were compared");
        Known.Value.AssertExact("json", report.JsonDisagreements);
        Known.Value.AssertExact("json-bytes", report.JsonNotByteIdentical);
    }

    [Fact]
    public void Wasi_wit_print_and_real_world_packages_resolve_without_a_diagnostic()
    {
        var report = Publish();

        Assert.Equal(new[] { "wasi-wit", "wit-print", "realworld" }, report.CorpusResults.Select(r => r.Corpus));
        Assert.True(report.CorpusResults[0].Roots >= 13, $"only {report.CorpusResults[0].Roots} WASI packages were found");
        var failures = report.CorpusResults.SelectMany(r => r.Failures).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private ResolveConformanceReport Publish()
    {
        var report = Report.Value;
        string rendered = report.Render();
        _output.WriteLine(rendered);
        File.WriteAllText(RepoPaths.Artifact("conformance", "wit-resolve.txt"), rendered);
        return report;
    }
}
