using System;
using System.Linq;
using Wit.Fuzz;
using Xunit;

namespace Wit.Ide.Tests.Robustness;

/// <summary>
/// A short seeded slice of the fuzz driver (<c>tests/Wit.Fuzz</c>; CONTRIBUTING.md has the command for a long run):
/// mutants of the corpus through every stage, with no exception, no formatting that changes more than whitespace and
/// no incremental reparse that differs from a fresh parse.
/// </summary>
public class FuzzSliceTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Corpus_mutants_pass_every_stage(int seed)
    {
        var report = new FuzzRunner(seed, offsets: 3).Run(FuzzRunner.CorpusFiles(RepoPaths.Corpus()), inputs: 60, TimeSpan.FromSeconds(20));

        Assert.True(report.Inputs > 0, report.ToString());
        Assert.True(report.Exceptions.Count == 0, report.ToString());
        Assert.True(report.WhitespaceViolations.Count == 0, report.ToString());
        Assert.True(report.IncrementalEqual == report.IncrementalEdits && report.IncrementalEdits > 0, report.ToString());
        Assert.True(report.StageMilliseconds.Keys.Count(k => k.StartsWith("ide-", StringComparison.Ordinal)) >= 8, report.ToString());
    }
}
