using System.Text;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Cli.Tests;

/// <summary>
/// <c>wit check</c> of a workspace of 1 MB or more runs its load and resolve in a no-GC region sized from the source
/// (<see cref="BatchCollection"/>), and stays within it; other commands and smaller inputs do not open one. The region
/// is the process's, so these run alone.
/// </summary>
[Collection(Name)]
public sealed class BatchCollectionTests
{
    public const string Name = "wit check's no-GC region";

    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class Definition
    {
    }

    /// <summary>About <paramref name="records"/> * 150 bytes of WIT: records, functions and doc comments in one interface.</summary>
    private static string Large(int records, string extra = "")
    {
        var text = new StringBuilder("package big:one@1.0.0;\n\ninterface big {\n");
        for (int i = 0; i < records; i++)
        {
            text.Append("  /// Entry ").Append(i).Append(".\n");
            text.Append("  record entry").Append(i).Append(" { id: u64, name: string, tags: list<string> }\n");
            text.Append("  fetch").Append(i).Append(": func(key: string, e: entry").Append(i).Append(") -> result<entry").Append(i).Append(", string>;\n");
        }

        return text.Append(extra).Append("}\n").ToString();
    }

    [Fact]
    public void Check_of_a_large_workspace_runs_within_its_region()
    {
        BatchCollection.End();
        using var dir = new TempDirectory();
        string file = dir.Write("big.wit", Large(10_000));
        Assert.True(new System.IO.FileInfo(file).Length > BatchCollection.MinimumSourceBytes);

        var run = CliRun.Start(dir.Path, "check", "big.wit");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("checked 1 file: 0 errors", run.Error + run.Output);
        Assert.True(BatchCollection.End(), "the region was never opened, or the run allocated more than it set aside");
    }

    [Fact]
    public void A_large_workspace_with_an_error_is_reported_from_the_region()
    {
        BatchCollection.End();
        using var dir = new TempDirectory();
        dir.Write("big.wit", Large(10_000, "  broken: func(x: strng);\n"));

        var run = CliRun.Start(dir.Path, "check", "big.wit");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("name `strng` does not exist", run.Error + run.Output);
        Assert.Contains("broken: func(x: strng);", run.Error + run.Output);
        Assert.True(BatchCollection.End());
    }

    [Fact]
    public void Lint_and_small_checks_collect_as_usual()
    {
        BatchCollection.End();
        using var dir = new TempDirectory();
        dir.Write("big.wit", Large(10_000));
        dir.Write("small/small.wit", Large(100));

        Assert.Equal(0, CliRun.Start(dir.Path, "lint", "big.wit").ExitCode);
        Assert.False(BatchCollection.End());
        Assert.Equal(0, CliRun.Start(dir.Path, "check", "small").ExitCode);
        Assert.False(BatchCollection.End());
    }
}
