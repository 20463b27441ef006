using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Linq;
using System.Text;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;
using Wit.Core.Workspace;

namespace Wit.Benchmarks;

/// <summary>
/// <c>large-phases [--lines N] [--runs R]</c>: where the time of the large-input benchmark goes. The generated file of
/// <see cref="WitFileGenerator.GenerateOneInterface"/> is parsed, loaded and resolved phase by phase; per phase the
/// medians of R runs of its CPU time (every thread of the process, the collector's included), wall time, bytes
/// allocated, collections per generation and the collector's pause. A phase whose time grows faster than its
/// allocations points at an algorithm; one whose pause dominates points at garbage.
/// </summary>
internal static class LargeInputPhases
{
    public static string Run(string[] args)
    {
        var lineCounts = new List<int>();
        int runs = 5;
        for (int i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--lines") lineCounts.Add(int.Parse(args[i + 1], CultureInfo.InvariantCulture));
            if (args[i] == "--runs") runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        }

        if (lineCounts.Count == 0) lineCounts.AddRange(new[] { 10_000, 100_000 });
        using var allocations = args.Contains("--allocations") ? new AllocationSampler() : null;
        var result = new StringBuilder();
        var table = new MarkdownTable("lines", "phase", "CPU ms", "wall ms", "allocated MB", "allocated / source byte", "gen0/1/2", "GC pause ms");
        foreach (int lines in lineCounts)
        {
            string text = WitFileGenerator.GenerateOneInterface(lines);
            long bytes = Encoding.UTF8.GetByteCount(text);
            var fileSystem = new InMemoryFileSystem().Add("/ws/large.wit", text);
            LoadedWorkspace? workspace = null;
            WitModel? model = null;
            var phases = new (string Name, Action Action)[]
            {
                ("parse", () => GC.KeepAlive(SyntaxTree.ParseWit(text))),
                ("load (parse included)", () => workspace = WorkspaceLoader.Load(fileSystem, "/ws/large.wit")),
                ("resolve (of the loaded workspace)", () => model = WitResolver.Resolve(workspace!)),
                ("lint (of the resolved model)", () => GC.KeepAlive(Wit.Core.Lint.WitLinter.Lint(workspace!, model!, Wit.Core.Lint.LintOptions.Default))),
            };
            foreach (var (name, action) in phases)
            {
                action();
                var samples = new List<Sample>(runs);
                for (int r = 0; r < runs; r++) samples.Add(Sample.Of(action));
                var median = Sample.Median(samples);
                if (allocations is not null) result.Append($"\n#### Allocated types, {name}, {lines:N0} lines (sampled every ~100 KB)\n\n").Append(allocations.TakeReport(15));
                table.Add(Format.Integer(lines), name, Format.Number(median.CpuMs, "0.0"), Format.Number(median.WallMs, "0.0"),
                    Format.Number(median.Allocated / 1e6, "0.0"), Format.Number(median.Allocated / (double)bytes, "0.0"),
                    $"{median.Gen0}/{median.Gen1}/{median.Gen2}", Format.Number(median.PauseMs, "0.0"));
            }
        }

        return $"### Large input by phase (medians of {runs} runs, by CPU time)\n\n" + table + result;
    }

    private readonly record struct Sample(double CpuMs, double WallMs, long Allocated, int Gen0, int Gen1, int Gen2, double PauseMs)
    {
        public static Sample Of(Action action)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var (user, system) = CpuTime.ProcessMilliseconds();
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
            var pause = GC.GetTotalPauseDuration();
            long start = Stopwatch.GetTimestamp();
            action();
            double wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var (userAfter, systemAfter) = CpuTime.ProcessMilliseconds();
            return new Sample(userAfter - user + systemAfter - system, wall, GC.GetTotalAllocatedBytes(precise: true) - allocated,
                GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2, (GC.GetTotalPauseDuration() - pause).TotalMilliseconds);
        }

        public static Sample Median(List<Sample> samples)
        {
            samples.Sort((a, b) => a.CpuMs.CompareTo(b.CpuMs));
            return samples[samples.Count / 2];
        }
    }

    /// <summary>
    /// <c>--allocations</c>: the runtime's allocation ticks (one event per ~100 KB allocated, naming the type that
    /// crossed the mark), counted by type between two reports: where a phase's garbage comes from.
    /// </summary>
    private sealed class AllocationSampler : EventListener
    {
        private readonly Dictionary<string, int> _counts = new();

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
            int index = e.PayloadNames!.IndexOf("TypeName");
            string type = index >= 0 ? e.Payload[index] as string ?? "?" : "?";
            lock (_counts) _counts[type] = _counts.GetValueOrDefault(type) + 1;
        }

        public string TakeReport(int top)
        {
            lock (_counts)
            {
                int total = _counts.Values.Sum();
                var builder = new StringBuilder();
                foreach (var (type, count) in _counts.OrderByDescending(p => p.Value).Take(top))
                {
                    builder.Append($"- {100.0 * count / Math.Max(1, total):0.0}% {type}\n");
                }

                _counts.Clear();
                return builder.ToString();
            }
        }
    }
}
