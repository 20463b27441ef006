using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;
using Wit.Core.Workspace;

namespace Wit.Benchmarks;

/// <summary>
/// Throughput at scale: generated files of 1k, 10k, 100k and 1M lines (one interface of records and functions,
/// <see cref="WitFileGenerator.GenerateOneInterface"/>). In process: parse and check (load, resolve) medians, MB/s,
/// the growth of time from one size to the next (10x lines), and the memory the tree and the model keep per byte of
/// source; parse and check also in CPU time, the steadier measure on a shared machine. As processes: <c>wit check</c> of the 100k-line file against <c>wit-oracle check</c>, with each one's peak
/// resident set (<c>/usr/bin/time</c>). <c>large --max-lines N</c> stops at N lines.
/// </summary>
internal static class LargeInputBenchmark
{
    private static readonly int[] LineCounts = { 1_000, 10_000, 100_000, 1_000_000 };

    public static string Run(string[] args)
    {
        int maxLines = 1_000_000;
        for (int i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--max-lines") maxLines = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        }

        var table = new MarkdownTable("lines", "MB (UTF-8)", "parse median ms", "parse MB/s", "parse CPU ms", "parse CPU MB/s", "parse CPU vs previous", "check median ms", "check CPU ms", "check CPU vs previous",
            "tree retained / source byte", "model retained / source byte", "allocated by check / source byte");
        var batchTable = new MarkdownTable("lines", "parse user ms", "parse system ms", "parse CPU MB/s", "parse user vs previous", "check user ms", "check system ms", "check user vs previous", "check CPU vs previous");
        string? hundredK = null;

        // As `wit` does for an input of this size, before the heap grows: every size then runs on the same heap.
        var hugePages = HugePages.AdviseCollectorHeap();
        int jitRounds = WarmUp();
        var sizes = new List<Size>();
        foreach (int lines in LineCounts.Where(l => l <= maxLines))
        {
            string text = WitFileGenerator.GenerateOneInterface(lines);
            if (lines == 100_000) hundredK = text;
            sizes.Add(new Size(lines, text, Encoding.UTF8.GetByteCount(text), new InMemoryFileSystem().Add("/ws/large.wit", text)));
        }

        // Rounds that each time every size once, smallest first, after one untimed round: a slow spell of a shared
        // machine (this one's speed changes by half within minutes) then falls on every size of a round, not on all the
        // samples of one size, and each growth below is the median of the rounds' own ratios.
        // Under the collector first, then as `wit` runs them: a no-GC region, once ended, left the collector slower
        // for the next check of the same size (a 10,000-line check took 30 ms instead of 11 right after one).
        foreach (bool batch in new[] { false, true })
        {
            for (int round = 0; round <= Rounds; round++)
            {
                foreach (var size in sizes) size.Measure(batch, timed: round > 0);
            }
        }

        Size? previous = null;
        foreach (var size in sizes)
        {
            long before = Retained();
            var tree = SyntaxTree.ParseWit(size.Text);
            long withTree = Retained();
            GC.KeepAlive(tree);
            tree = null;
            long beforeModel = Retained();
            var model = WitResolver.Resolve(size.FileSystem, "/ws/large.wit");
            long withModel = Retained();
            if (model.Diagnostics.Count > 0) throw new InvalidOperationException("the generated file has errors: " + model.Diagnostics[0]);
            GC.KeepAlive(model);

            double bytes = size.Bytes;
            double parseWall = Median(size.Samples, s => s.ParseWall), parseCpu = Median(size.Samples, s => s.Parse.Total);
            table.Add(
                Format.Integer(size.Lines),
                Format.Number(bytes / 1e6, "0.000"),
                Format.Number(parseWall, "0.0"),
                Format.Number(bytes / 1e6 / (parseWall / 1000), "0.0"),
                Format.Number(parseCpu, "0.0"),
                Format.Number(bytes / 1e6 / (parseCpu / 1000), "0.0"),
                previous is null ? "" : Format.Number(Growth(size.Samples, previous.Samples, s => s.Parse.Total), "0.0") + "x",
                Format.Number(Median(size.Samples, s => s.CheckWall), "0.0"),
                Format.Number(Median(size.Samples, s => s.Check.Total), "0.0"),
                previous is null ? "" : Format.Number(Growth(size.Samples, previous.Samples, s => s.Check.Total), "0.0") + "x",
                Format.Number((withTree - before) / bytes, "0.0"),
                Format.Number((withModel - beforeModel) / bytes, "0.0"),
                Format.Number(Median(size.Samples, s => s.CheckAllocated) / bytes, "0.0"));
            batchTable.Add(
                Format.Integer(size.Lines),
                Format.Number(Median(size.BatchSamples, s => s.Parse.User), "0.0"),
                Format.Number(Median(size.BatchSamples, s => s.Parse.System), "0.0"),
                Format.Number(bytes / 1e6 / (Median(size.BatchSamples, s => s.Parse.Total) / 1000), "0.0"),
                previous is null ? "" : Format.Number(Growth(size.BatchSamples, previous.BatchSamples, s => s.Parse.User), "0.0") + "x",
                Format.Number(Median(size.BatchSamples, s => s.Check.User), "0.0"),
                Format.Number(Median(size.BatchSamples, s => s.Check.System), "0.0"),
                previous is null ? "" : Format.Number(Growth(size.BatchSamples, previous.BatchSamples, s => s.Check.User), "0.0") + "x",
                previous is null ? "" : Format.Number(Growth(size.BatchSamples, previous.BatchSamples, s => s.Check.Total), "0.0") + "x");
            previous = size;
        }

        string result = "### Throughput at scale: one generated interface of records and functions\n\n"
            + $"> In process (JIT), medians of {Rounds} rounds that each time every size once (after an untimed round), growth as the median of the rounds' own ratios; \"retained\" is what a live tree or model keeps after a full collection "
            + $"(the source string not counted). Before the first size the JIT settled ({jitRounds} rounds of parsing and resolving a 2,000-line file until no method was compiled any more), "
            + $"so no size is timed in code that is still being tiered up. The collector's heap was advised onto huge pages as `wit` advises it for inputs of 64 KB or more (`HugePages`: {hugePages}).\n\n" + table
            + "\n### The same, as `wit` runs it\n\n> In the no-GC region `wit check` opens for a workspace of 64 KB or more (`BatchCollection`), "
            + "under the collector below that; medians by CPU time (user + system), MB/s by both. In one process the smaller inputs run in memory "
            + "that earlier runs mapped already, the 1,000,000-line one needs more than they left, so its page faults (system time) "
            + "are counted and theirs mostly not: the growth of user time compares like with like, and the processes below count both.\n\n" + batchTable;
        if (hundredK is not null) result += "\n" + Processes(hundredK);
        result += "\n" + NativeGrowth(sizes.Select(size => (size.Lines, size.Text)).ToList());
        return result;
    }

    /// <summary><c>wit check</c> of the 100k-line file as a process against upstream's, with peak memory.</summary>
    private static string Processes(string text)
    {
        string witDll = Environment.GetEnvironmentVariable("WIT_DLL")
            ?? Path.Combine(RepoPaths.Root, "server", "Wit.Cli", "bin", "Release", "net10.0", "wit.dll");
        string oracle = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "tools", "wit-oracle", "wit-oracle"));
        const string title = "### `wit check` of the 100,000-line file against `wit-oracle check` (median of 3 process runs by CPU time)\n\n";
        if (!File.Exists(witDll)) return title + $"> Skipped: no {witDll}; build it with `dotnet build -c Release server/Wit.Cli`.\n";
        string directory = Path.Combine(Path.GetTempPath(), "wit-large-" + Environment.ProcessId);
        Directory.CreateDirectory(directory);
        string file = Path.Combine(directory, "large.wit");
        File.WriteAllText(file, text);
        long bytes = new FileInfo(file).Length;
        try
        {
            var table = new MarkdownTable("checker", "median ms", "median CPU ms", "peak resident MB", "peak / source size", "exit code");
            var wit = PeakRuns("dotnet", new[] { witDll, "check", file });
            table.Add(Row("wit check (dotnet wit.dll)", wit, bytes));
            string native = Environment.GetEnvironmentVariable("WIT_NATIVE") ?? Path.Combine(RepoPaths.Root, "artifacts", "wit", "linux-x64", "wit");
            ProcessRun? nativeRun = null;
            if (File.Exists(native))
            {
                nativeRun = PeakRuns(native, new[] { "check", file });
                table.Add(Row("wit check (native)", nativeRun.Value, bytes));
            }

            if (File.Exists(oracle))
            {
                var upstream = PeakRuns(oracle, new[] { "check", file });
                table.Add(Row("wit-oracle check", upstream, bytes));
                table.Add("oracle / wit (dotnet)", Format.Number(upstream.Milliseconds / wit.Milliseconds, "0.00") + "x", Format.Number(upstream.CpuMilliseconds / wit.CpuMilliseconds, "0.00") + "x", "", "", "");
                if (nativeRun is { } n)
                {
                    table.Add("oracle / wit (native)", Format.Number(upstream.Milliseconds / n.Milliseconds, "0.00") + "x", Format.Number(upstream.CpuMilliseconds / n.CpuMilliseconds, "0.00") + "x", "", "", "");
                }
            }

            return title + $"> {Format.Number(bytes / 1e6, "0.00")} MB of source; peak resident set and CPU time (user + system) from `/usr/bin/time`; "
                + "the native build from `WIT_NATIVE` or `artifacts/wit/linux-x64/wit` (`scripts/publish-wit.sh`).\n\n" + table;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// The native <c>wit check --timings</c> (from <c>npm run publish</c>) of each generated file as a process: its CPU
    /// time and peak resident set, and how its time grows from one size to the next (10x lines); and, from its
    /// <c>--timings</c> report, the same run's phases timed inside the process (startup left out): parse and its MB/s,
    /// and the check (read, parse, resolve) with its growth. The shipped programs, <c>wit</c> and the language server,
    /// are both this native code, so these are the in-process numbers of what users run.
    /// </summary>
    private static string NativeGrowth(List<(int Lines, string Text)> sizes)
    {
        const string title = "### Native `wit check` by size, as a process and inside it (medians of 5 rounds, each running every size twice in a row)\n\n";
        string native = Environment.GetEnvironmentVariable("WIT_NATIVE") ?? Path.Combine(RepoPaths.Root, "artifacts", "wit", "linux-x64", "wit");
        if (!File.Exists(native)) return title + $"> Skipped: no {native}; publish it with `npm run publish`.\n";
        string directory = Path.Combine(Path.GetTempPath(), "wit-growth-" + Environment.ProcessId);
        Directory.CreateDirectory(directory);
        try
        {
            var table = new MarkdownTable("lines", "MB", "process CPU ms", "process wall ms", "process CPU vs previous", "peak resident MB", "peak / source size",
                "in-process parse ms", "in-process parse MB/s", "in-process check ms", "in-process check vs previous", "first run: check ms", "first run: vs previous", "first run: system ms", "process user ms", "process user vs previous", "exit code");
            var files = new List<(int Lines, string File, long Bytes, List<ProcessRun> Runs, List<ProcessRun> FirstRuns)>();
            foreach (var (lines, text) in sizes)
            {
                string file = Path.Combine(directory, $"large{lines}.wit");
                File.WriteAllText(file, text);
                files.Add((lines, file, new FileInfo(file).Length, new List<ProcessRun>(), new List<ProcessRun>()));
            }

            // Rounds that each run every size twice in a row, after an untimed round (as in process above): growth is the
            // median of the rounds' own ratios, so a slow spell of the machine does not fall on one size alone. The second
            // run of a size finds the memory the first one freed; the first finds what the smaller size left, and a
            // larger size needs memory the system has not handed out for a while, which costs much more to touch on
            // some virtual machines (on the one these numbers come from, the same 1,000,000-line check took 868 ms of
            // system time in memory untouched for a while and 92 ms right after a run of its own size).
            for (int round = 0; round <= 5; round++)
            {
                foreach (var entry in files)
                {
                    var first = TimedWithPeak(native, new[] { "check", "--timings", entry.File });
                    var second = TimedWithPeak(native, new[] { "check", "--timings", entry.File });
                    if (round == 0) continue;
                    entry.FirstRuns.Add(first);
                    entry.Runs.Add(second);
                }
            }

            static double Inside(ProcessRun r) => Phase(r, "read") + Phase(r, "parse") + Phase(r, "resolve");
            (List<ProcessRun> Runs, List<ProcessRun> FirstRuns)? previous = null;
            foreach (var (lines, _, bytes, runs, firstRuns) in files)
            {
                double parse = Median(runs.Select(r => Phase(r, "parse")));
                table.Add(Format.Integer(lines), Format.Number(bytes / 1e6, "0.00"), Format.Number(Median(runs.Select(r => r.CpuMilliseconds)), "0.0"), Format.Number(Median(runs.Select(r => r.Milliseconds)), "0.0"),
                    previous is null ? "" : Format.Number(Growth(runs, previous.Value.Runs, r => r.CpuMilliseconds), "0.0") + "x",
                    Format.Number(Median(runs.Select(r => (double)r.PeakKb)) / 1024.0, "0"), Format.Number(Median(runs.Select(r => (double)r.PeakKb)) * 1024.0 / bytes, "0.0") + "x",
                    Format.Number(parse, "0.0"), Format.Number(bytes / 1e6 / (parse / 1000), "0.0"), Format.Number(Median(runs.Select(Inside)), "0.0"),
                    previous is null ? "" : Format.Number(Growth(runs, previous.Value.Runs, Inside), "0.0") + "x",
                    Format.Number(Median(firstRuns.Select(Inside)), "0.0"),
                    previous is null ? "" : Format.Number(Growth(firstRuns, previous.Value.FirstRuns, Inside), "0.0") + "x",
                    Format.Number(Median(firstRuns.Select(SystemMilliseconds)), "0.0"),
                    Format.Number(Median(runs.Select(UserMilliseconds)), "0.0"),
                    previous is null ? "" : Format.Number(Growth(runs, previous.Value.Runs, UserMilliseconds), "0.0") + "x",
                    string.Join(",", runs.Concat(firstRuns).Select(r => r.ExitCode).Distinct()));
                previous = (runs, firstRuns);
            }

            return title + "> As a process: CPU time (user + system) and peak resident set from `/usr/bin/time`. Inside it: wall time of "
                + "the phases `wit check --timings` reports, startup left out; the check is reading, parsing and resolving. Each size runs "
                + "twice in a row: the main columns are the second run, in memory its first run freed; \"first run\" is the run after the "
                + "smaller size's, which for a larger size touches memory the system had not handed out for a while (its system time "
                + "from `--timings` shows the cost). \"Process user\" is the second run's user CPU time from `--timings` (startup included, "
                + "about 4 ms): the program's own work, without the kernel's time to hand it fresh memory, whose cost per megabyte "
                + "depends on the machine (on a virtual machine that returns freed memory to its host, ten times more when the host "
                + "has to supply it again). Files of "
                + "64 KB or more are checked in a no-GC region (`BatchCollection`), on a heap advised onto huge pages (`HugePages`), smaller ones under the collector; "
                + "from 1 MB a second thread faults the region's memory in ahead of the run (`HeapPrefault`), whose system time the process columns count.\n\n" + table;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Timed rounds of the in-process measures (each size once per round).</summary>
    private const int Rounds = 7;

    /// <summary>One generated input and what each round measured of it, under the collector and as `wit` runs it.</summary>
    private sealed record Size(int Lines, string Text, long Bytes, InMemoryFileSystem FileSystem)
    {
        public List<Sample> Samples { get; } = new();

        public List<BatchSample> BatchSamples { get; } = new();

        /// <summary>Calls of a measure per sample, so that one lasts 2 ms or more (set by the untimed round).</summary>
        private int _repetitions;

        /// <summary>
        /// One sample of parse and check (load, resolve): under the collector, or as `wit` runs them
        /// (<paramref name="batch"/>); an untimed one sets how many calls make a sample.
        /// </summary>
        public void Measure(bool batch, bool timed)
        {
            int sink = 0;
            if (_repetitions == 0)
            {
                long start = Stopwatch.GetTimestamp();
                sink += SyntaxTree.ParseWit(Text).GreenRoot.SlotCount;
                _repetitions = Math.Max(1, (int)Math.Ceiling(2.0 / Math.Max(Stopwatch.GetElapsedTime(start).TotalMilliseconds, 0.0001)));
            }

            long? reserve = batch ? Bytes : null;
            var (parseWall, parse, _) = Time(() => sink += SyntaxTree.ParseWit(Text).GreenRoot.SlotCount, reserve);
            var (checkWall, check, allocated) = Time(() => sink += WitResolver.Resolve(FileSystem, "/ws/large.wit").Diagnostics.Count, reserve);
            GC.KeepAlive(sink);
            if (!timed) return;
            if (batch) BatchSamples.Add(new BatchSample(parse, check));
            else Samples.Add(new Sample(parseWall, parse, checkWall, check, allocated));
        }

        /// <summary>
        /// Wall and CPU time per call (all of the process's threads, the collector's included; on a shared machine
        /// steadier than wall time) and bytes allocated. With <paramref name="batchBytes"/>, as `wit check` runs a
        /// workspace of that many bytes: in the no-GC region <see cref="BatchCollection.TryReserve"/> opens for it,
        /// ended after the call.
        /// </summary>
        private (double Wall, CpuTimes Cpu, double Allocated) Time(Action action, long? batchBytes)
        {
            int repetitions = batchBytes is null ? _repetitions : 1;
            GC.Collect();
            if (batchBytes is { } reserve) BatchCollection.TryReserve(reserve);
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var (user, system) = CpuTime.ProcessMilliseconds();
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < repetitions; i++) action();
            double wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var (userAfter, systemAfter) = CpuTime.ProcessMilliseconds();
            double allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            if (batchBytes is not null) BatchCollection.End();
            return (wall / repetitions, new CpuTimes((userAfter - user) / repetitions, (systemAfter - system) / repetitions), allocated / repetitions);
        }
    }

    /// <summary>One round's measures of one size under the collector.</summary>
    private readonly record struct Sample(double ParseWall, CpuTimes Parse, double CheckWall, CpuTimes Check, double CheckAllocated);

    /// <summary>One round's measures of one size as `wit` runs it (in a no-GC region from 64 KB).</summary>
    private readonly record struct BatchSample(CpuTimes Parse, CpuTimes Check);

    /// <summary>The median of a measure over the rounds.</summary>
    private static double Median<T>(IEnumerable<T> samples, Func<T, double> measure) => Median(samples.Select(measure));

    /// <summary>
    /// Growth from a smaller size to a larger one: the median over the rounds of the larger's measure divided by the
    /// smaller's in the same round.
    /// </summary>
    private static double Growth<T>(IEnumerable<T> larger, IEnumerable<T> smaller, Func<T, double> measure) =>
        Median(larger.Zip(smaller, (a, b) => measure(a) / measure(b)));

    /// <summary>One process run: wall time, CPU time (user and system, every thread), peak resident set, exit code, standard error.</summary>
    private readonly record struct ProcessRun(double Milliseconds, double CpuMilliseconds, long PeakKb, int ExitCode, string Error);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The system CPU time a run's <c>--timings</c> report gives (<c>process CPU ... system 12.1 ms</c>).</summary>
    private static double SystemMilliseconds(ProcessRun run) => ProcessCpu(run, "system");

    /// <summary>The user CPU time a run's <c>--timings</c> report gives (<c>process CPU ... user 130.2 ms, ...</c>), startup included.</summary>
    private static double UserMilliseconds(ProcessRun run) => ProcessCpu(run, "user");

    private static double ProcessCpu(ProcessRun run, string kind)
    {
        var match = System.Text.RegularExpressions.Regex.Match(run.Error, $@"(?m)^  process CPU .*{kind} (\d+\.\d) ms");
        if (!match.Success) throw new InvalidOperationException($"no {kind} time in the --timings report:\n{run.Error}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>A phase's milliseconds in a run's <c>--timings</c> report (<c>  parse   12.3 ms</c>).</summary>
    private static double Phase(ProcessRun run, string phase)
    {
        var match = System.Text.RegularExpressions.Regex.Match(run.Error, $@"(?m)^  {phase} +(\d+\.\d) ms");
        if (!match.Success) throw new InvalidOperationException($"no {phase} time in the --timings report:\n{run.Error}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static string[] Row(string name, ProcessRun run, long bytes) => new[]
    {
        name, Format.Number(run.Milliseconds, "0"), Format.Number(run.CpuMilliseconds, "0"), Format.Number(run.PeakKb / 1024.0, "0"),
        Format.Number(run.PeakKb * 1024.0 / bytes, "0.0") + "x", run.ExitCode.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary><paramref name="count"/> runs after a warm-up (disk cache); the median by CPU time, with its wall time and peak.</summary>
    private static ProcessRun PeakRuns(string command, string[] arguments, int count = 3)
    {
        var runs = new List<ProcessRun>();
        for (int i = 0; i <= count; i++)
        {
            var run = TimedWithPeak(command, arguments);
            if (i > 0) runs.Add(run);
        }

        runs.Sort((a, b) => a.CpuMilliseconds.CompareTo(b.CpuMilliseconds));
        return runs[runs.Count / 2];
    }

    private static ProcessRun TimedWithPeak(string command, string[] arguments)
    {
        var info = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-f");
        info.ArgumentList.Add("peak-kb=%M cpu-s=%U %S");
        info.ArgumentList.Add(command);
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        long start = Stopwatch.GetTimestamp();
        double childrenBefore = CpuTime.ChildrenMilliseconds();
        using var process = Process.Start(info)!;
        var error = new StringBuilder();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) error.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        string line = error.ToString().Split('\n').LastOrDefault(l => l.StartsWith("peak-kb=", StringComparison.Ordinal)) ?? "peak-kb=0 cpu-s=0 0";
        string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long peak = long.Parse(parts[0].Substring("peak-kb=".Length), CultureInfo.InvariantCulture);
        // The CPU time of the reaped children (the command and `time` itself, which adds well under a millisecond), to
        // the microsecond where `time` prints hundredths of a second.
        double cpu = CpuTime.IsCpuTime
            ? CpuTime.ChildrenMilliseconds() - childrenBefore
            : 1000 * (double.Parse(parts[1].Substring("cpu-s=".Length), CultureInfo.InvariantCulture) + double.Parse(parts[2], CultureInfo.InvariantCulture));
        return new ProcessRun(ms, cpu, peak, process.ExitCode, error.ToString());
    }

    /// <summary>CPU times of one call, in milliseconds: user, system (page faults, mostly) and both.</summary>
    private readonly record struct CpuTimes(double User, double System)
    {
        public double Total => User + System;
    }

    /// <summary>
    /// Parses and resolves a 2,000-line file in rounds, with a pause after each (tiered compilation waits for 100 ms
    /// without new methods before it counts calls, then compiles in the background), until a round compiles nothing
    /// (at most 12 rounds). Without it the 1,000- and 10,000-line files were timed partly in unoptimized code: a
    /// third of the speed they reach once it is optimized. Returns the rounds taken.
    /// </summary>
    private static int WarmUp()
    {
        string text = WitFileGenerator.GenerateOneInterface(2_000);
        var fileSystem = new InMemoryFileSystem().Add("/ws/warm.wit", text);
        long compiled = -1;
        for (int round = 1; round <= 12; round++)
        {
            for (int i = 0; i < 40; i++)
            {
                GC.KeepAlive(SyntaxTree.ParseWit(text));
                GC.KeepAlive(WitResolver.Resolve(fileSystem, "/ws/warm.wit"));
            }

            System.Threading.Thread.Sleep(250);
            long now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == compiled) return round;
            compiled = now;
        }

        return 12;
    }

    /// <summary>The managed heap in use after a full, compacting collection.</summary>
    internal static long Retained()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }
}
