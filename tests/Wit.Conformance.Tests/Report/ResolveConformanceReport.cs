using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Wit.Cli;
using Wit.Cli.Json;
using Wit.Conformance.Tests.Corpus;
using Wit.Conformance.Tests.Json;
using Wit.Core.Diagnostics;
using Wit.Core.Semantics;

namespace Wit.Conformance.Tests.Report;

/// <summary>
/// How <c>wit check</c> and <c>wit resolve</c> agree with wit-parser over its UI tests, and whether the other corpora
/// resolve cleanly. Computed once per test run; every count comes with the list of cases that disagree.
/// </summary>
public sealed class ResolveConformanceReport
{
    /// <summary>How many lines of a JSON difference the report shows per case.</summary>
    private const int MaxDiffLines = 40;

    private ResolveConformanceReport()
    {
    }

    // ---- Passing cases ------------------------------------------------------------------------------------------

    public int PassingCases { get; private set; }

    public List<string> UnsupportedPassing { get; } = new();

    public int SupportedPassing => PassingCases - UnsupportedPassing.Count;

    public int PassingClean { get; private set; }

    /// <summary>Supported passing cases that reported a diagnostic.</summary>
    public List<string> PassingFailures { get; } = new();

    /// <summary>Unsupported cases that reported something other than WIT1013.</summary>
    public List<string> UnsupportedViolations { get; } = new();

    // ---- JSON ---------------------------------------------------------------------------------------------------

    public int JsonCompared { get; private set; }

    public int JsonStructural { get; private set; }

    public int JsonByteIdentical { get; private set; }

    public List<string> JsonDisagreements { get; } = new();

    public List<string> JsonNotByteIdentical { get; } = new();

    // ---- Parse-fail cases ---------------------------------------------------------------------------------------

    public int RejectedCases { get; private set; }

    public IReadOnlyList<string> MissingInputs { get; private set; } = Array.Empty<string>();

    public List<string> UnsupportedRejected { get; } = new();

    public int Rejected { get; private set; }

    public List<string> WronglyAccepted { get; } = new();

    public int LocationCases { get; private set; }

    public int LocationAgrees { get; private set; }

    public List<string> LocationDisagreements { get; } = new();

    public List<string> WithoutUpstreamLocation { get; } = new();

    public int MessageCases { get; private set; }

    public int MessageAgrees { get; private set; }

    public int MessageVerbatimAgrees { get; private set; }

    public List<string> MessageDisagreements { get; } = new();

    public List<string> VerbatimDisagreements { get; } = new();

    // ---- Other corpora ------------------------------------------------------------------------------------------

    public List<(string Corpus, int Roots, List<string> Failures)> CorpusResults { get; } = new();

    public static ResolveConformanceReport Compute()
    {
        var report = new ResolveConformanceReport();
        foreach (var @case in UiCorpus.PassingCases()) report.AddPassing(@case);
        var (rejected, missing) = UiCorpus.RejectedCases();
        report.MissingInputs = missing;
        foreach (var @case in rejected) report.AddRejected(@case);
        report.AddCorpus("wasi-wit", CorpusRoots.Wasi());
        report.AddCorpus("wit-print", CorpusRoots.WitPrint());
        report.AddCorpus("realworld", CorpusRoots.RealWorld());
        return report;
    }

    private static WitModel Resolve(UiCase @case) => WitResolver.Resolve(UiCorpus.FileSystem, @case.Path, UiCorpus.Options);

    private void AddPassing(UiCase @case)
    {
        PassingCases++;
        var model = Resolve(@case);
        if (@case.IsUnsupported)
        {
            UnsupportedPassing.Add(@case.Name);
            if (model.Diagnostics.Count == 0 || model.Diagnostics.Any(d => d.Code != ResolveDiagnostics.Wit1013.Code))
            {
                UnsupportedViolations.Add($"{@case.Name}: {Describe(model.Diagnostics)}");
            }

            return;
        }

        if (model.Diagnostics.Count > 0)
        {
            PassingFailures.Add($"{@case.Name}: {Describe(model.Diagnostics)}");
            return;
        }

        PassingClean++;
        JsonCompared++;
        string actual = WitModelJsonWriter.Write(model);
        if (actual == @case.Expected) JsonByteIdentical++;
        else JsonNotByteIdentical.Add(@case.Name);
        var diff = CanonicalResolve.Diff(CanonicalResolve.Lines(@case.Expected), CanonicalResolve.Lines(actual));
        if (diff.Count == 0)
        {
            JsonStructural++;
            return;
        }

        var lines = diff.Take(MaxDiffLines).Select(l => "      " + l);
        string more = diff.Count > MaxDiffLines ? $"\n      ... {diff.Count - MaxDiffLines} more" : string.Empty;
        JsonDisagreements.Add($"{@case.Name}: {diff.Count} differing lines\n{string.Join("\n", lines)}{more}");
    }

    private void AddRejected(UiCase @case)
    {
        if (@case.IsUnsupported)
        {
            UnsupportedRejected.Add(@case.Name);
            return;
        }

        RejectedCases++;
        var model = Resolve(@case);
        var expected = UpstreamError.Parse(@case.Expected);
        var first = model.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        if (first is null)
        {
            WronglyAccepted.Add(@case.Name);
            return;
        }

        Rejected++;
        string actualLocation = Location(first);
        if (expected.File is null)
        {
            WithoutUpstreamLocation.Add($"{@case.Name}: ours {actualLocation}");
        }
        else
        {
            LocationCases++;
            if (actualLocation == expected.LocationText) LocationAgrees++;
            else LocationDisagreements.Add($"{@case.Name}: expected {expected.LocationText}, actual {actualLocation} {first.Code} \"{WitParserMessageFormatter.FirstLineOf(first.Message)}\"");
        }

        MessageCases++;
        string message = WitParserMessageFormatter.FirstLineOf(first.Message);
        if (message == expected.Message) MessageAgrees++;
        else MessageDisagreements.Add($"{@case.Name}: expected \"{expected.Message}\", actual {first.Code} \"{message}\"");

        string verbatim = WitParserMessageFormatter.FirstLine(first, @case.Path, @case.IsDirectory, RootPackageParse.Contains(model, first, @case.Path));
        if (verbatim == expected.FirstLine) MessageVerbatimAgrees++;
        else VerbatimDisagreements.Add($"{@case.Name}:\n      expected \"{expected.FirstLine}\"\n      actual   \"{verbatim}\"");
    }

    private void AddCorpus(string corpus, IReadOnlyList<string> roots)
    {
        var fileSystem = new RelativeFileSystem(CorpusRoots.Directory);
        var failures = new List<string>();
        foreach (string root in roots)
        {
            var model = WitResolver.Resolve(fileSystem, root, ResolveOptions.Default);
            if (model.Diagnostics.Count > 0) failures.Add($"{root}: {Describe(model.Diagnostics)}");
        }

        CorpusResults.Add((corpus, roots.Count, failures));
    }

    private static string Location(Diagnostic diagnostic)
    {
        if (diagnostic.Document is not { } document) return "(no location)";
        var (line, column) = document.GetDisplayLocation(Math.Min(diagnostic.Span.Start, document.Length));
        return $"{DiagnosticRenderer.DisplayPath(document)}:{line}:{column}";
    }

    private static string Describe(IReadOnlyList<Diagnostic> diagnostics)
    {
        var shown = diagnostics.Take(3).Select(d => $"{Location(d)} {d.Code} \"{WitParserMessageFormatter.FirstLineOf(d.Message)}\"");
        string more = diagnostics.Count > 3 ? $" (+{diagnostics.Count - 3} more)" : string.Empty;
        return $"{diagnostics.Count} diagnostic(s): {string.Join("; ", shown)}{more}";
    }

    public string Render()
    {
        var text = new StringBuilder();
        text.Append("WIT resolution conformance with wit-parser-ui (wasm-tools 1.257.1, feature `active` enabled)\n\n");

        text.Append($"Passing cases: {PassingCases}; unsupported (.wat/.wasm root or dependency): {UnsupportedPassing.Count} ({string.Join(", ", UnsupportedPassing)})\n");
        text.Append($"  resolve without a diagnostic: {Percent.Of(PassingClean, SupportedPassing)}\n");
        text.Append($"  unsupported cases reporting only WIT1013: {UnsupportedPassing.Count - UnsupportedViolations.Count}/{UnsupportedPassing.Count}\n");
        text.Append($"  JSON structurally equal: {Percent.Of(JsonStructural, JsonCompared)}; byte-identical: {Percent.Of(JsonByteIdentical, JsonCompared)}\n\n");

        text.Append($"Parse-fail cases with input: {RejectedCases}; input missing from the corpus: {MissingInputs.Count} ({string.Join(", ", MissingInputs)}); unsupported: {UnsupportedRejected.Count}\n");
        text.Append($"  rejected: {Percent.Of(Rejected, RejectedCases)}\n");
        text.Append($"  first diagnostic's location agrees: {Percent.Of(LocationAgrees, LocationCases)} (cases where upstream prints no location: {WithoutUpstreamLocation.Count})\n");
        text.Append($"  first message line agrees, context prefixes stripped: {Percent.Of(MessageAgrees, MessageCases)}\n");
        text.Append($"  first message line agrees verbatim, prefixes reconstructed: {Percent.Of(MessageVerbatimAgrees, MessageCases)}\n\n");

        text.Append("Other corpora, resolving without a diagnostic:\n");
        foreach (var (corpus, roots, failures) in CorpusResults) text.Append($"  {corpus}: {Percent.Of(roots - failures.Count, roots)}\n");

        Section(text, "Supported passing cases with diagnostics", PassingFailures);
        Section(text, "Unsupported passing cases reporting more than WIT1013", UnsupportedViolations);
        Section(text, "Parse-fail cases accepted", WronglyAccepted);
        Section(text, "Location disagreements", LocationDisagreements);
        Section(text, "Parse-fail cases upstream prints without a location", WithoutUpstreamLocation);
        Section(text, "Message disagreements (prefixes stripped)", MessageDisagreements);
        Section(text, "Message disagreements (verbatim, prefixes reconstructed)", VerbatimDisagreements);
        Section(text, "JSON structural disagreements (- upstream only, + ours only)", JsonDisagreements);
        Section(text, "JSON not byte-identical", JsonNotByteIdentical);
        foreach (var (corpus, _, failures) in CorpusResults) Section(text, $"{corpus} roots with diagnostics", failures);
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IReadOnlyCollection<string> lines)
    {
        text.Append($"\n{title}: {lines.Count}\n");
        foreach (string line in lines) text.Append("  ").Append(line).Append('\n');
    }
}
