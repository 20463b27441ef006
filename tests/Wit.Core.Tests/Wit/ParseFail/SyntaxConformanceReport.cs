using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;
using Wit.Core.Text;

namespace Wit.Core.Tests.Wit.ParseFail;

/// <summary>
/// How our WIT syntax diagnostics compare with wit-parser's parse-fail expectations. A syntax-level case agrees on
/// location when our first diagnostic in the file upstream points to has upstream's line and column, and on message
/// when its text is upstream's. A resolution-level case (upstream parsed every file) agrees when no file of the case
/// has a syntax diagnostic.
/// </summary>
public sealed class SyntaxConformanceReport
{
    private readonly List<string> _locationDisagreements = new();
    private readonly List<string> _messageDisagreements = new();
    private readonly List<string> _resolutionViolations = new();
    private readonly List<string> _syntaxCaseLines = new();

    private SyntaxConformanceReport()
    {
    }

    public int CaseCount { get; private set; }

    public IReadOnlyList<string> MissingInputs { get; private set; } = Array.Empty<string>();

    public int SyntaxCases { get; private set; }

    public int LocationAgrees { get; private set; }

    public int MessageAgrees { get; private set; }

    public int ResolutionCases { get; private set; }

    public int ResolutionClean { get; private set; }

    public IReadOnlyList<string> LocationDisagreements => _locationDisagreements;

    public IReadOnlyList<string> MessageDisagreements => _messageDisagreements;

    public IReadOnlyList<string> ResolutionViolations => _resolutionViolations;

    public static SyntaxConformanceReport Compute()
    {
        var (cases, missing) = ParseFailCorpus.Load();
        var report = new SyntaxConformanceReport { CaseCount = cases.Count, MissingInputs = missing };
        foreach (var @case in cases)
        {
            if (@case.Expected.IsSyntaxLevel) report.AddSyntaxCase(@case);
            else report.AddResolutionCase(@case);
        }

        return report;
    }

    public string Render()
    {
        var b = new StringBuilder();
        b.AppendLine("WIT syntax conformance with wit-parser-ui/parse-fail (wasm-tools 1.257.1)");
        b.AppendLine();
        b.AppendLine(Invariant($"cases with input: {CaseCount}; results without input in the corpus: {MissingInputs.Count} ({string.Join(", ", MissingInputs)})"));
        b.AppendLine(Invariant($"syntax-level cases: {SyntaxCases}; location agrees: {LocationAgrees}; message agrees: {MessageAgrees}"));
        b.AppendLine(Invariant($"resolution-level cases: {ResolutionCases}; free of syntax diagnostics: {ResolutionClean}"));
        b.AppendLine(Invariant($"location agreement: {Percent(LocationAgrees, SyntaxCases)}; message agreement: {Percent(MessageAgrees, SyntaxCases)}"));
        AppendSection(b, "Every syntax-level case (location agrees / message agrees)", _syntaxCaseLines);
        AppendSection(b, "Location disagreements (expected upstream vs our first diagnostic)", _locationDisagreements);
        AppendSection(b, "Message disagreements (expected upstream vs our first diagnostic)", _messageDisagreements);
        AppendSection(b, "Resolution-level cases with syntax diagnostics (upstream parsed these files)", _resolutionViolations);
        return b.ToString();
    }

    public static string Percent(int part, int whole) =>
        whole == 0 ? "n/a" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private void AddSyntaxCase(ParseFailCase @case)
    {
        SyntaxCases++;
        var expected = @case.Expected;
        string expectedText = Invariant($"{Describe(expected.File)}:{expected.Line}:{expected.Column} \"{expected.Message}\"");
        if (expected.File is null || !File.Exists(expected.File))
        {
            _locationDisagreements.Add($"{@case.Name}: expected {expectedText}; upstream location is not a corpus file");
            _messageDisagreements.Add($"{@case.Name}: expected {expectedText}; upstream location is not a corpus file");
            _syntaxCaseLines.Add($"no  no  {@case.Name}: expected {expectedText}; upstream location is not a corpus file");
            return;
        }

        var text = SourceText.From(Corpus.ReadText(expected.File), expected.File);
        var diagnostics = SyntaxTree.Parse(text).Diagnostics;
        if (diagnostics.Count == 0)
        {
            _locationDisagreements.Add($"{@case.Name}: expected {expectedText}; actual: no diagnostic in that file");
            _messageDisagreements.Add($"{@case.Name}: expected {expectedText}; actual: no diagnostic in that file");
            _syntaxCaseLines.Add($"no  no  {@case.Name}: expected {expectedText}; actual: no diagnostic in that file");
            return;
        }

        var first = diagnostics[0];
        var (line, column) = text.GetDisplayLocation(first.Span.Start);
        string actualText = Invariant($"{line}:{column} {first.Code} \"{first.Message}\"");
        bool locationAgrees = line == expected.Line && column == expected.Column;
        bool messageAgrees = first.Message == expected.Message;
        if (locationAgrees) LocationAgrees++;
        else _locationDisagreements.Add($"{@case.Name}: expected {expectedText}; actual {actualText}");
        if (messageAgrees) MessageAgrees++;
        else _messageDisagreements.Add($"{@case.Name}: expected {expectedText}; actual {actualText}");
        _syntaxCaseLines.Add($"{(locationAgrees ? "yes" : "no ")} {(messageAgrees ? "yes" : "no ")} {@case.Name}: expected {expectedText}; actual {actualText}");
    }

    private void AddResolutionCase(ParseFailCase @case)
    {
        ResolutionCases++;
        var problems = new List<string>();
        foreach (string path in @case.AllFiles)
        {
            var text = SourceText.From(Corpus.ReadText(path), path);
            var diagnostics = SyntaxTree.Parse(text).Diagnostics;
            if (diagnostics.Count > 0) problems.Add($"{Corpus.Relative(path)}:{TreeChecks.Describe(diagnostics[0], text)}");
        }

        if (problems.Count == 0) ResolutionClean++;
        else _resolutionViolations.Add($"{@case.Name} (upstream: \"{@case.Expected.Message}\"): {string.Join("; ", problems)}");
    }

    private static string Describe(string? path) => path is null ? "(no location)" : Corpus.Relative(path);

    private static void AppendSection(StringBuilder b, string title, IReadOnlyList<string> lines)
    {
        b.AppendLine();
        b.AppendLine(Invariant($"{title}: {lines.Count}"));
        foreach (string line in lines) b.Append("  ").AppendLine(line);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
