using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Wit.Core.Semantics;
using Wit.Core.Tests.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// Resolves 2,000 workspaces made from wit-parser's passing tests by deleting and duplicating lines and renaming
/// identifiers: the resolver must not throw and must keep <see cref="ModelChecks"/>. The seed is fixed, so a failure
/// reproduces; a reported input is shrunk first.
/// </summary>
public sealed class ResolverFuzzTests
{
    private const int Inputs = 2_000;
    private const int ReportedFailures = 5;

    private readonly ITestOutputHelper _output;

    public ResolverFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void MutatedWitParserUiWorkspacesNeverBreakTheResolver()
    {
        var donors = CorpusWorkspace.WitParserUiPassing();
        Assert.True(donors.Count >= 50, $"only {donors.Count} passing wit-parser-ui tests");

        var random = new Random(3_141_592);
        var failures = new List<string>();
        int failed = 0, withDiagnostics = 0;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < Inputs; i++)
        {
            var donor = donors[random.Next(donors.Count)];
            int file = random.Next(donor.Files.Count);
            var mutated = donor.With(file, LineMutator.Mutate(random, donor.Files[file].Text));
            var (problem, diagnostics) = Check(mutated);
            if (diagnostics > 0) withDiagnostics++;
            if (problem is null) continue;
            failed++;
            if (failures.Count >= ReportedFailures) continue;
            string shrunk = Shrinker.Shrink(mutated.Files[file].Text, candidate => Check(mutated.With(file, candidate)).Problem is not null, maxAttempts: 500);
            failures.Add($"#{i} {donor}/{donor.Files[file].Path}: {Check(mutated.With(file, shrunk)).Problem}\n    shrunk file: {TreeChecks.Literal(shrunk)}");
        }

        _output.WriteLine($"{Inputs} mutations of {donors.Count} workspaces in {clock.ElapsedMilliseconds} ms; {withDiagnostics} with diagnostics");
        Assert.True(failed == 0, $"{failed} of {Inputs} inputs broke the resolver:\n" + string.Join("\n", failures));

        // Most edits break something: a run where nearly nothing is reported would mean the mutations do nothing.
        Assert.True(withDiagnostics > Inputs / 3, $"only {withDiagnostics} of {Inputs} mutated inputs had diagnostics");
    }

    private static (string? Problem, int Diagnostics) Check(CorpusWorkspace workspace)
    {
        try
        {
            var model = WitResolver.Resolve(workspace.ToFileSystem(), workspace.RootPath, new ResolveOptions(features: new[] { "active" }));
            return (ModelChecks.Problem(model), model.Diagnostics.Count);
        }
        catch (Exception exception)
        {
            return ($"threw {exception.GetType().Name}: {exception.Message}\n{exception.StackTrace}", 0);
        }
    }
}
