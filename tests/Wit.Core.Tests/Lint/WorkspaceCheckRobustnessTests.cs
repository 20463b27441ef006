using System.Linq;
using Wit.Core.Lint;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Core.Semantics;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Core.Tests.Lint;

/// <summary>A check (resolve and lint together) takes every input, as the fuzz driver feeds it.</summary>
public class WorkspaceCheckRobustnessTests
{
    private const string Path = "/ws/a.wit";

    /// <summary>
    /// A world's `use` copied into another by `include`: its unused-use lint lands outside the including world. The
    /// check returned null (the fuzz run's NullReferenceException in RootAnalysis, issue 14 finding 4).
    /// </summary>
    private const string IncludedUse = "package a:b;\nworld imports {\n  use foo:dep2/types.{a};\n  record b { r: a, }\n}\nworld proxy {\n  include imports;\n}\n";

    [Theory]
    [InlineData(IncludedUse, "WIT1015", "foo:dep2")]
    [InlineData("package a:b;\ninterface t { type a = u8; }\nworld imports {\n  use t.{a};\n}\nworld proxy {\n  include imports;\n}\n", "WIT2009", "a")]
    public void A_use_copied_in_by_include_is_checked_and_reported_once_where_it_is_written(string text, string code, string at)
    {
        var check = WorkspaceCheck.Run(WorkspaceLoader.Load(new InMemoryFileSystem().Add(Path, text), Path), ResolveOptions.Default, LintOptions.Default, null);
        Assert.NotNull(check);
        var diagnostic = Assert.Single(check.ResolveDiagnostics.Concat(check.LintDiagnostics), d => d.Code == code);
        Assert.StartsWith(at, text.Substring(diagnostic.Span.Start, diagnostic.Span.Length));
        Assert.True(diagnostic.Span.Start < text.IndexOf("world proxy", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, "\n")]
    [InlineData(72, " ")]
    [InlineData(91, "\n  include imports;")]
    public void After_an_edit_the_incremental_check_equals_a_fresh_one(int offset, string insert)
    {
        string edited = IncludedUse.Insert(offset, insert);
        var disk = new InMemoryFileSystem().Add(Path, IncludedUse);
        var first = WorkspaceCheck.Run(WorkspaceLoader.Load(disk, Path), ResolveOptions.Default, LintOptions.Default, null);
        var editedDisk = new InMemoryFileSystem().Add(Path, edited);
        var tree = SyntaxTree.ParseWit(SourceText.From(edited, Path));
        var incremental = WorkspaceCheck.Run(WorkspaceLoader.Load(editedDisk, Path, (_, _) => tree), ResolveOptions.Default, LintOptions.Default, first);
        var fresh = WorkspaceCheck.Run(WorkspaceLoader.Load(editedDisk, Path), ResolveOptions.Default, LintOptions.Default, null);
        Assert.Equal(Render(fresh), Render(incremental));
    }

    private static string[] Render(WorkspaceCheck check) =>
        check.ResolveDiagnostics.Concat(check.LintDiagnostics).Select(d => $"{d.Code} {d.Span} {d.Message}").ToArray();
}
