using System;
using System.Text;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Cli.Tests;

/// <summary>
/// <c>wit check</c> of a workspace of 64 KB or more runs its load and resolve in a no-GC region sized from the source
/// (<see cref="BatchCollection"/>), and stays within it; other commands and smaller inputs do not open one. The region
/// is the process's, so these run alone. With <c>--timings</c> a run of that size says whether its heap was advised onto
/// huge pages (<see cref="HugePages"/>), in a real process, where the advice is the process's own.
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
    public void A_package_of_wasi_size_is_checked_in_a_region_too()
    {
        BatchCollection.End();
        using var dir = new TempDirectory();
        string file = dir.Write("mid.wit", Large(700));
        long bytes = new System.IO.FileInfo(file).Length;
        Assert.InRange(bytes, BatchCollection.MinimumSourceBytes, 4 * BatchCollection.MinimumSourceBytes);

        Assert.Equal(0, CliRun.Start(dir.Path, "check", "mid.wit").ExitCode);
        Assert.True(BatchCollection.End(), "a check of " + bytes + " bytes should open a region");
    }

    [Fact]
    public void A_timed_process_says_whether_its_heap_is_on_huge_pages()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDirectory();
        dir.Write("mid.wit", Large(700));
        dir.Write("small.wit", Large(100));
        string mode = System.IO.File.Exists(ModeFile) ? System.IO.File.ReadAllText(ModeFile) : "[never]";
        string expected = mode.Contains("[madvise]") ? "huge pages advised (" : mode.Contains("[always]") ? "huge pages on for every program (" : "huge pages unavailable";

        Assert.Contains(", in a no-GC region, " + expected, Timings(dir.Path, "mid.wit", null));
        Assert.Contains(", in a no-GC region, huge pages off (WIT_HUGE_PAGES=0)\n", Timings(dir.Path, "mid.wit", "0"));
        Assert.DoesNotContain("huge pages", Timings(dir.Path, "small.wit", null));
    }

    /// <summary>
    /// From 1 MB of source a second thread faults the region's memory in ahead of the run (<see cref="HeapPrefault"/>),
    /// and <c>--timings</c> says how much of what it planned; <c>WIT_PREFAULT=0</c> turns it off, and a smaller run has none.
    /// </summary>
    [Fact]
    public void A_timed_process_of_a_megabyte_or_more_says_how_much_memory_was_faulted_in_ahead()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDirectory();
        string file = dir.Write("big.wit", Large(8_000));
        Assert.InRange(new System.IO.FileInfo(file).Length, HeapPrefault.MinimumSourceBytes, 2 * HeapPrefault.MinimumSourceBytes);
        dir.Write("mid.wit", Large(700));

        var line = System.Text.RegularExpressions.Regex.Match(Timings(dir.Path, "big.wit", null), @", ([0-9.]+) of ([0-9.]+) MB faulted in ahead\n");
        Assert.True(line.Success, "no prefault remark");
        double planned = double.Parse(line.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        double source = new System.IO.FileInfo(file).Length / 1e6;
        Assert.InRange(planned, source * HeapPrefault.SmallObjectsPerSourceByte, (source * (HeapPrefault.SmallObjectsPerSourceByte + HeapPrefault.LargeObjectsPerSourceByte)) + 4.2);
        Assert.DoesNotContain("faulted in ahead", Timings(dir.Path, "big.wit", null, (HeapPrefault.Setting, "0")));
        Assert.DoesNotContain("faulted in ahead", Timings(dir.Path, "mid.wit", null));
    }

    /// <summary>
    /// A region whose large objects are more than the collector's first large region holds (32 MB: about 4 MB of
    /// source) gets a placeholder there for its duration, so large arrays go to the memory the region committed at once;
    /// a smaller one's large objects fit that region, committed at once for it, and get none.
    /// </summary>
    [Fact]
    public void Only_a_region_whose_large_objects_outgrow_the_first_large_region_holds_a_placeholder()
    {
        if (!OperatingSystem.IsLinux()) return;
        BatchCollection.End();

        Assert.True(BatchCollection.TryReserve(5L << 20));
        Assert.Equal(31L << 20, HeapPrefault.PlaceholderBytes);
        Assert.True(BatchCollection.End());
        Assert.Equal(0, HeapPrefault.PlaceholderBytes);

        Assert.True(BatchCollection.TryReserve(2L << 20));
        Assert.Equal(0, HeapPrefault.PlaceholderBytes);
        Assert.True(BatchCollection.End());
    }

    /// <summary>
    /// Ending a region stops its thread: one still populating when the next region opens does not go on under it, so
    /// what is populated in all is at most what the first had done (and the call under way) plus the second's plan.
    /// </summary>
    [Fact]
    public void A_region_that_ends_stops_populating_before_the_next_opens()
    {
        if (!OperatingSystem.IsLinux()) return;
        BatchCollection.End();
        long before = HeapPrefault.PopulatedBytes;

        // Larger than any other region of this process, so its memory is new (a region that reuses memory an earlier
        // one committed has nothing new to populate).
        Assert.True(BatchCollection.TryReserve(20L << 20));
        Assert.True(HeapPrefault.PlannedBytes > 200L << 20);
        Assert.True(BatchCollection.End());
        long first = HeapPrefault.PopulatedBytes - before;
        Assert.True(BatchCollection.TryReserve(2L << 20));
        long planned = HeapPrefault.PlannedBytes;
        for (int i = 0; i < 100 && HeapPrefault.PopulatedBytes - before < first + planned; i++) System.Threading.Thread.Sleep(20);
        System.Threading.Thread.Sleep(200);
        Assert.True(BatchCollection.End());

        Assert.InRange(HeapPrefault.PopulatedBytes - before, first, first + planned + (4L << 20));
    }

    private const string ModeFile = "/sys/kernel/mm/transparent_hugepage/enabled";

    /// <summary>The standard error of <c>dotnet wit.dll check --timings FILE</c>, with <see cref="HugePages.Setting"/> set or not.</summary>
    private static string Timings(string directory, string file, string? setting, (string Name, string Value)? other = null)
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = directory };
        info.ArgumentList.Add(System.IO.Path.Combine(AppContext.BaseDirectory, "wit.dll"));
        info.ArgumentList.Add("check");
        info.ArgumentList.Add("--timings");
        info.ArgumentList.Add(file);
        info.Environment.Remove(HugePages.Setting);
        if (setting is not null) info.Environment[HugePages.Setting] = setting;
        info.Environment.Remove(HeapPrefault.Setting);
        if (other is { } variable) info.Environment[variable.Name] = variable.Value;
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("checked 1 file: 0 errors", output.Result + error);
        return error;
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
