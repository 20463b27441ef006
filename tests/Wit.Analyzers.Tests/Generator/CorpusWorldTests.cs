using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Wit.Core.Semantics;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Analyzers.Tests.Generator;

/// <summary>
/// Every world of the WASI 0.2.12 and 0.3.0 packages in the shared corpus: its generated bindings compile with no
/// error and no warning; an async world reports WITH0004 for what it leaves out and still compiles.
/// </summary>
public class CorpusWorldTests
{
    public static IEnumerable<object[]> WasiWorlds()
    {
        foreach (string version in new[] { "wasi-0.2.12", "wasi-0.3.0" })
        {
            string root = RepoPaths.Corpus("wasi-wit", version);
            foreach (string proposal in Directory.GetDirectories(root).Select(p => Path.Combine(p, "wit")).OrderBy(p => p, StringComparer.Ordinal))
            {
                var fileSystem = new PhysicalFileSystem();
                var workspace = WorkspaceLoader.Load(fileSystem, proposal);
                var model = WitResolver.Resolve(workspace);
                var package = PackageLookup.FindRoot(workspace, model);
                foreach (string world in package!.Worlds.Keys)
                {
                    yield return new object[] { $"{version}/{Path.GetFileName(Path.GetDirectoryName(proposal))}/wit", $"{package.Name.WithoutVersion}/{world}" };
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(WasiWorlds))]
    public void Generated_bindings_of_a_WASI_world_compile_cleanly(string proposal, string world)
    {
        var item = GeneratorHarness.FromDirectory(RepoPaths.Corpus("wasi-wit", proposal), world);
        var (driver, output, diagnostics) = GeneratorHarness.Run(new[] { item });

        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.All(diagnostics, d => Assert.Equal("WITH0004", d.Id));
        // An imported function is async exactly when the world reports one WITH0004 for it (0.2 worlds have none).
        int asyncImports = AsyncImports(RepoPaths.Corpus("wasi-wit", proposal), world);
        Assert.Equal(asyncImports, diagnostics.Count(d => d.GetMessage().Contains("async functions are not supported yet", StringComparison.Ordinal)));
        if (proposal.StartsWith("wasi-0.2", StringComparison.Ordinal)) Assert.Empty(diagnostics);
        Assert.NotEmpty(GeneratorHarness.Generated(driver));
        Assert.Empty(GeneratorHarness.Problems(output).Select(d => d.ToString()));
    }

    private static int AsyncImports(string directory, string worldName)
    {
        var workspace = WorkspaceLoader.Load(new PhysicalFileSystem(), directory);
        var model = WitResolver.Resolve(workspace);
        var world = (World)PackageLookup.For(workspace, model).FindWorld(worldName).Item!;
        return world.Imports.Sum(i => i.Value.Interface is { } @interface ? @interface.Functions.Values.Count(f => f.IsAsync) : i.Value.Function is { IsAsync: true } ? 1 : 0);
    }
}
