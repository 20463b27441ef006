using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Wit.Core.Tests.TestKit;

namespace Wit.Benchmarks;

/// <summary>
/// <c>native [--runs N]</c>: the shipping budgets, the native builds of <c>npm run publish</c> side by side with the
/// framework-dependent ones and with upstream. Four measures, each a median:
/// <list type="bullet">
/// <item>cold <c>wit check</c> of WASI 0.3 <c>http</c> (a new process per run, N runs after one untimed run; twice:
/// each build alternating with <c>/bin/true</c> only, then the builds in turn): <c>artifacts/wit/linux-x64/wit</c>, <c>dotnet artifacts/wit/any/wit.dll</c> (published,
/// ReadyToRun), <c>dotnet server/Wit.Cli/bin/Release/net10.0/wit.dll</c> (built) and
/// <c>../shared/tools/wit-oracle/wit-oracle check</c> (goal: native under 15 ms);</item>
/// <item>language server start to the <c>initialize</c> answer, N runs of each build (goal under 20 ms), the server
/// started with its standard input and output on pipes read in the measuring thread
/// (<see cref="ProcessTiming.SpawnWithPipes"/>);</item>
/// <item>keystroke to <c>publishDiagnostics</c> in the 5,000-line file (<see cref="ServerProcessKeystrokes"/>: 100
/// keystrokes of warm-up, 400 measured; goal median under 3 ms);</item>
/// <item>the server's resident set with both WASI workspaces open (<see cref="ServerMemoryBenchmark"/>; goal under
/// 60 MB).</item>
/// </list>
/// Before each series this process runs the code that starts and reaps processes a few dozen times and waits until it
/// is idle (<see cref="ProcessTiming.Settle"/>): its own background compilation would otherwise share the cores with
/// the process measured. The first row is the floor under the process measures: <c>/bin/true</c> started and reaped the same way, between the
/// checks. A build that is missing is left out with a note. Wall-clock numbers on a shared machine vary from run to run: read
/// the ratios, and run again when the machine is busy.
/// </summary>
internal static class NativeBenchmark
{
    private sealed record Build(string Name, string[] Command);

    public static int Run(string[] args)
    {
        int runs = 10;
        if (args.Length == 2 && args[0] == "--runs" && int.TryParse(args[1], out int n) && n > 0) runs = n;
        else if (args.Length != 0)
        {
            Console.Error.WriteLine("native: usage: native [--runs N]");
            return 2;
        }

        string artifacts = Path.Combine(RepoPaths.Root, "artifacts");
        // The real path: wit-oracle refuses one that goes through `..` or a symbolic link.
        string http = RealPath(Path.Combine(RepoPaths.Root, "..", "shared", "corpus", "wasi-wit", "wasi-0.3.0", "http", "wit"));
        string oracle = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "tools", "wit-oracle", "wit-oracle"));
        var notes = new StringBuilder();
        var checkers = Available(notes,
            new Build("native", new[] { Path.Combine(artifacts, "wit", "linux-x64", "wit") }),
            new Build("published portable", new[] { "dotnet", Path.Combine(artifacts, "wit", "any", "wit.dll") }),
            new Build("built", new[] { "dotnet", Path.Combine(RepoPaths.Root, "server", "Wit.Cli", "bin", "Release", "net10.0", "wit.dll") }),
            new Build("wit-oracle", new[] { oracle }));
        var servers = Available(notes,
            new Build("native", new[] { Path.Combine(artifacts, "server", "linux-x64", "wit-language-server"), "--stdio" }),
            new Build("published portable", new[] { "dotnet", Path.Combine(artifacts, "server", "any", "wit-language-server.dll"), "--stdio" }),
            new Build("built", new[] { "dotnet", Path.Combine(AppContext.BaseDirectory, "wit-language-server.dll"), "--stdio" }));
        if (checkers.Count == 0 && servers.Count == 0)
        {
            Console.Error.WriteLine("native: no build found; run `npm run publish` (and `dotnet build -c Release server/Wit.Cli`) first");
            return 1;
        }

        var columns = new[] { "native", "published portable", "built", "wit-oracle" };
        var summary = new Dictionary<(string Measure, string Build), string>();
        var details = new StringBuilder();

        var checkTimes = checkers.ToDictionary(b => b.Name, _ => new List<double>());
        var exitCodes = checkers.ToDictionary(b => b.Name, _ => new HashSet<int>());
        // The floor under every process measure here: starting and reaping a process that does nothing, the same way.
        const string nothing = "/bin/true";
        var floor = new List<double>();
        foreach (var build in checkers) ProcessTiming.Run(build.Command[0], Arguments(build, "check", http));

        // This process compiles its hot methods again a moment after they get hot, on a background thread that shares
        // the machine's cores with the process measured: the starting and reaping code runs a few dozen times first,
        // then the process waits until it is idle (ProcessTiming.Settle), before each series.
        if (File.Exists(nothing))
        {
            for (int warm = 0; warm < 40; warm++) ProcessTiming.Run(nothing, Array.Empty<string>());
        }

        ProcessTiming.Settle();

        // Each build on its own first, alternating with the floor only: what follows a process that ran a JIT or node
        // for a quarter of a second to a second starts with the caches and translation buffers full of that process's
        // state, which on the machine these numbers come from costs a small native run 2 ms (13.5 against 15.5 ms,
        // medians of 15, 2026-12-07).
        foreach (var build in checkers)
        {
            ProcessTiming.Settle();
            var alone = new List<double>();
            for (int run = 0; run < runs; run++)
            {
                if (File.Exists(nothing)) ProcessTiming.Run(nothing, Array.Empty<string>());
                alone.Add(ProcessTiming.Run(build.Command[0], Arguments(build, "check", http)).Milliseconds);
            }

            summary[("check-alone", build.Name)] = Format.Number(Median(alone), "0.0");
        }

        // Then the builds in turn, so that a busy moment of the machine spreads over all of them.
        ProcessTiming.Settle();
        for (int run = 0; run < runs; run++)
        {
            if (File.Exists(nothing)) floor.Add(ProcessTiming.Run(nothing, Array.Empty<string>()).Milliseconds);
            foreach (var build in checkers)
            {
                var (milliseconds, exitCode) = ProcessTiming.Run(build.Command[0], Arguments(build, "check", http));
                checkTimes[build.Name].Add(milliseconds);
                exitCodes[build.Name].Add(exitCode);
            }
        }

        foreach (var build in checkers)
        {
            summary[("check", build.Name)] = Format.Number(Median(checkTimes[build.Name]), "0.0");
            if (exitCodes[build.Name].Any(code => code != 0)) notes.AppendLine($"> `{build.Name}` check exited with {string.Join(", ", exitCodes[build.Name])} (expected 0).");
        }

        if (floor.Count > 0) summary[("floor", "native")] = Format.Number(Median(floor), "0.0");

        if (servers.Count > 0)
        {
            for (int warm = 0; warm < 35; warm++) ServerStartBenchmark.TimeToInitialize(servers[0].Command);
        }

        foreach (var build in servers)
        {
            ProcessTiming.Settle();
            var times = new List<double>();
            for (int run = 0; run < runs; run++) times.Add(ServerStartBenchmark.TimeToInitialize(build.Command));
            summary[("start", build.Name)] = Format.Number(Median(times), "0.0");
        }

        foreach (var build in servers)
        {
            var (report, median) = ServerProcessKeystrokes.RunAsync(build.Command).GetAwaiter().GetResult();
            summary[("keystroke", build.Name)] = Format.Number(median, "0.00");
            details.AppendLine($"{build.Name}:\n{report}");
        }

        foreach (var build in servers)
        {
            var (report, residentMegabytes) = ServerMemoryBenchmark.RunAsync(build.Command).GetAwaiter().GetResult();
            summary[("memory", build.Name)] = Format.Number(residentMegabytes, "0");
            details.AppendLine($"{build.Name}:\n{report}");
        }

        var table = new MarkdownTable(new[] { "measure (median)", "goal" }.Concat(columns).ToArray());
        foreach (var (measure, label, goal) in new[]
        {
            ("floor", "a process that does nothing (`/bin/true`), ms", ""),
            ("check-alone", "cold `wit check` of WASI 0.3 http, each build after `/bin/true`, ms", "< 15"),
            ("check", "cold `wit check` of WASI 0.3 http, the builds in turn, ms", "< 15"),
            ("start", "server start to `initialize` answered, ms", "< 20"),
            ("keystroke", "keystroke to diagnostics, 5,000-line file, ms", "< 3"),
            ("memory", "server resident set, both WASI workspaces open, MB", "< 60"),
        })
        {
            table.Add(new[] { label, goal }.Concat(columns.Select(c => summary.TryGetValue((measure, c), out string? value) ? value : "")).ToArray());
        }

        Console.WriteLine($"## Native builds against the framework-dependent ones and upstream ({runs} runs per process measure)\n");
        Console.WriteLine(table);
        Console.Write(notes);
        Console.WriteLine();
        Console.WriteLine(details);
        return 0;
    }

    private static List<Build> Available(StringBuilder notes, params Build[] builds)
    {
        var available = new List<Build>();
        foreach (var build in builds)
        {
            string file = build.Command[0] == "dotnet" ? build.Command[1] : build.Command[0];
            if (File.Exists(file)) available.Add(build);
            else notes.AppendLine($"> Left out `{build.Name}`: no {Path.GetRelativePath(RepoPaths.Root, file)}.");
        }

        return available;
    }

    /// <summary><paramref name="path"/> made absolute, without <c>..</c> and with every symbolic link on it resolved.</summary>
    private static string RealPath(string path)
    {
        string full = Path.GetFullPath(path);
        string result = Path.GetPathRoot(full)!;
        foreach (string part in full.Substring(result.Length).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            result = Path.Combine(result, part);
            if (new DirectoryInfo(result).ResolveLinkTarget(returnFinalTarget: true) is { } target) result = target.FullName;
        }

        return result;
    }

    private static IEnumerable<string> Arguments(Build build, params string[] arguments) => build.Command.Skip(1).Concat(arguments);

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
