using System.Collections.Generic;
using System.IO;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Lint;
using Wit.Core.Semantics;
using Wit.Core.Tests.TestKit;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Core.Tests.Lint;

/// <summary>
/// The default profile reports no warning (nor error) on packages kept as their authors mean them: every WASI 0.2.12
/// and 0.3.0 proposal, the real-world APIs and the project's samples. A linter that flags the reference packages
/// teaches people to turn it off; a finding here is a rule to make precise or a preference for the strict profile.
/// </summary>
public sealed class WellKeptPackagesLintTests
{
    public static IEnumerable<object[]> Roots()
    {
        foreach (string release in new[] { "wasi-0.2.12", "wasi-0.3.0" })
        {
            foreach (string proposal in Directory.GetDirectories(Corpus.PathOf("wasi-wit", release)).OrderBy(d => d, System.StringComparer.Ordinal))
            {
                yield return new object[] { Path.Combine(proposal, "wit") };
            }
        }

        yield return new object[] { Corpus.PathOf("realworld", "wasi-crypto", "wit") };
        yield return new object[] { Corpus.PathOf("realworld", "wasi-webgpu", "wit") };
        yield return new object[] { RepoPaths.Combine("samples", "wit", "http-proxy") };
        yield return new object[] { RepoPaths.Combine("samples", "wit", "key-value.wit") };
    }

    [Theory]
    [MemberData(nameof(Roots))]
    public void The_default_profile_reports_no_warning(string root)
    {
        var workspace = WorkspaceLoader.Load(PhysicalFileSystem.Instance, root);
        var model = WitResolver.Resolve(workspace);
        Assert.Empty(model.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));

        var lint = WitLinter.Lint(workspace, model, LintOptions.Default);
        var check = WorkspaceCheck.Run(workspace, ResolveOptions.Default, LintOptions.Default, null).LintDiagnostics;

        // Listed with their files, so a failure names every finding.
        Assert.Empty(lint.Where(d => d.Severity <= DiagnosticSeverity.Warning).Select(d => $"{d.Document?.Path}: {d}"));
        // The language server checks through WorkspaceCheck: the same findings at the same severities (in source
        // order; two findings at one position may come in either order).
        Assert.Equal(Listing(lint), Listing(check));
    }

    private static List<string> Listing(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Document?.Path} {d.Severity} {d}").OrderBy(l => l, System.StringComparer.Ordinal).ToList();
}
