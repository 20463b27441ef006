using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
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
        var table = new MarkdownTable("lines", "phase", "CPU ms", "wall ms", "allocated MB", "allocated / source byte", "gen0/1/2", "GC pause ms");
        using var self = Process.GetCurrentProcess();
        foreach (int lines in lineCounts)
        {
            string text = WitFileGenerator.GenerateOneInterface(lines);
            long bytes = Encoding.UTF8.GetByteCount(text);
            var fileSystem = new InMemoryFileSystem().Add("/ws/large.wit", text);
            LoadedWorkspace? workspace = null;
            var phases = new (string Name, Action Action)[]
            {
                ("parse", () => GC.KeepAlive(SyntaxTree.ParseWit(text))),
                ("load (parse included)", () => workspace = WorkspaceLoader.Load(fileSystem, "/ws/large.wit")),
                ("resolve (of the loaded workspace)", () => GC.KeepAlive(WitResolver.Resolve(workspace!))),
            };
            foreach (var (name, action) in phases)
            {
                action();
                var samples = new List<Sample>(runs);
                for (int r = 0; r < runs; r++) samples.Add(Sample.Of(self, action));
                var median = Sample.Median(samples);
                table.Add(Format.Integer(lines), name, Format.Number(median.CpuMs, "0.0"), Format.Number(median.WallMs, "0.0"),
                    Format.Number(median.Allocated / 1e6, "0.0"), Format.Number(median.Allocated / (double)bytes, "0.0"),
                    $"{median.Gen0}/{median.Gen1}/{median.Gen2}", Format.Number(median.PauseMs, "0.0"));
            }
        }

        return $"### Large input by phase (medians of {runs} runs, by CPU time)\n\n" + table;
    }

    private readonly record struct Sample(double CpuMs, double WallMs, long Allocated, int Gen0, int Gen1, int Gen2, double PauseMs)
    {
        public static Sample Of(Process self, Action action)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            self.Refresh();
            var cpu = self.TotalProcessorTime;
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
            var pause = GC.GetTotalPauseDuration();
            long start = Stopwatch.GetTimestamp();
            action();
            double wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            self.Refresh();
            return new Sample((self.TotalProcessorTime - cpu).TotalMilliseconds, wall, GC.GetTotalAllocatedBytes(precise: true) - allocated,
                GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2, (GC.GetTotalPauseDuration() - pause).TotalMilliseconds);
        }

        public static Sample Median(List<Sample> samples)
        {
            samples.Sort((a, b) => a.CpuMs.CompareTo(b.CpuMs));
            return samples[samples.Count / 2];
        }
    }
}
