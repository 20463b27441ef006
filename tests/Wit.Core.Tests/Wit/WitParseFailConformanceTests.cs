using System;
using System.IO;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;
using Wit.Core.Tests.Wit.ParseFail;
using Wit.Core.Text;
using Xunit;
using Xunit.Abstractions;

namespace Wit.Core.Tests.Wit;

/// <summary>
/// Our syntax diagnostics against wit-parser's parse-fail cases. The table goes to the test output and to
/// <c>artifacts/conformance/wit-syntax.txt</c>, with every disagreement listed.
/// </summary>
public sealed class WitParseFailConformanceTests
{
    private static readonly Lazy<SyntaxConformanceReport> Report = new(SyntaxConformanceReport.Compute);

    private readonly ITestOutputHelper _output;

    public WitParseFailConformanceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void SyntaxLevelErrorsAgreeWithUpstreamLocations()
    {
        var report = Publish();

        // Guards against an empty or misread corpus passing vacuously.
        Assert.True(report.CaseCount >= 100, $"only {report.CaseCount} parse-fail cases were found");
        Assert.True(report.SyntaxCases >= 20, $"only {report.SyntaxCases} syntax-level cases were found");
        // Exact: every syntax-level case agrees (the first error of every case, syntax or not, is also checked, with
        // a list of known disagreements, by tests/Wit.Conformance.Tests; that list is empty).
        Assert.True(
            report.LocationDisagreements.Count == 0,
            $"location agrees for {report.LocationAgrees} of {report.SyntaxCases} syntax-level cases:\n" + string.Join("\n", report.LocationDisagreements));
        Assert.Equal(report.SyntaxCases, report.MessageAgrees);
    }

    [Fact]
    public void ResolutionLevelCasesHaveNoSyntaxErrors()
    {
        var report = Publish();

        Assert.True(report.ResolutionCases >= 60, $"only {report.ResolutionCases} resolution-level cases were found");
        Assert.True(
            report.ResolutionViolations.Count == 0,
            $"{report.ResolutionViolations.Count} of {report.ResolutionCases} cases that upstream parsed report syntax errors:\n"
            + string.Join("\n", report.ResolutionViolations));
    }

    [Theory]
    [InlineData("package-nesting-too-deep.wit", "package nesting too deep", 103, 1)]
    [InlineData("type-nesting-too-deep.wit", "type nesting too deep", 107, 5)]
    public void NestingLimitsAreReportedWhereUpstreamReportsThem(string file, string message, int line, int column)
    {
        string path = Path.Combine(ParseFailCorpus.Directory, file);
        var text = SourceText.From(Corpus.ReadText(path), path);

        var diagnostics = SyntaxTree.Parse(text).Diagnostics;

        Assert.NotEmpty(diagnostics);
        Assert.Equal(message, diagnostics[0].Message);
        Assert.Equal((line, column), text.GetDisplayLocation(diagnostics[0].Span.Start));
    }

    private SyntaxConformanceReport Publish()
    {
        var report = Report.Value;
        string rendered = report.Render();
        _output.WriteLine(rendered);
        File.WriteAllText(RepoPaths.Artifact("conformance", "wit-syntax.txt"), rendered);
        return report;
    }
}
