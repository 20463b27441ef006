using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace Wit.Core.Tests.Wit.Fuzz;

/// <summary>
/// Feeds 100,000 generated inputs to the WIT parser: it must not throw, every tree must print back its input
/// exactly, every diagnostic must lie inside the text and the root must hold only top-level items and the end of
/// file. Seeds are fixed, so a failure reproduces; each reported input is shrunk first.
/// </summary>
public sealed class WitFuzzTests
{
    private const int SoupInputs = 60_000;
    private const int MutatedInputs = 40_000;
    private const int MaxSoupLength = 300;
    private const int MaxDonorLength = 1_500;
    private const int ReportedFailures = 5;

    private readonly ITestOutputHelper _output;

    public WitFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void TokenSoupsNeverBreakTheParser()
    {
        var random = new Random(20_250_611);
        var failures = new FailureLog();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < SoupInputs; i++) Check(failures, $"soup #{i}", WitTokenSoup.Next(random, MaxSoupLength));

        _output.WriteLine($"{SoupInputs} soups in {clock.ElapsedMilliseconds} ms");
        failures.AssertNone(SoupInputs);
    }

    [Fact]
    public void MutatedCorpusFilesNeverBreakTheParser()
    {
        var donors = Corpus.Files("", ".wit")
            .Select(Corpus.ReadText)
            .Where(text => text.Length <= MaxDonorLength)
            .ToList();
        Assert.True(donors.Count >= 100, $"only {donors.Count} small corpus files");

        var random = new Random(7_041_999);
        var failures = new FailureLog();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < MutatedInputs; i++)
        {
            string original = donors[random.Next(donors.Count)];
            Check(failures, $"mutation #{i}", WitMutator.Mutate(random, original, donors));
        }

        _output.WriteLine($"{MutatedInputs} mutations of {donors.Count} files in {clock.ElapsedMilliseconds} ms");
        failures.AssertNone(MutatedInputs);
    }

    private static void Check(FailureLog failures, string label, string input)
    {
        string? problem = Problem(input);
        if (problem is null) return;
        failures.Count++;
        if (failures.Reports.Count >= ReportedFailures) return;
        string shrunk = Shrinker.Shrink(input, candidate => Problem(candidate) is not null);
        failures.Reports.Add($"{label}: {Problem(shrunk)}\n    shrunk input: {TreeChecks.Literal(shrunk)}\n    full input:   {TreeChecks.Literal(input)}");
    }

    private static string? Problem(string input)
    {
        try
        {
            return TreeChecks.WitTreeProblem(SyntaxTree.ParseWit(input), input);
        }
        catch (Exception exception)
        {
            return $"parser threw {exception.GetType().Name}: {exception.Message}\n{exception.StackTrace}";
        }
    }

    private sealed class FailureLog
    {
        public int Count { get; set; }

        public List<string> Reports { get; } = new();

        public void AssertNone(int total) =>
            Assert.True(Count == 0, $"{Count} of {total} inputs break an invariant; the first {Reports.Count}:\n" + string.Join("\n", Reports));
    }
}
