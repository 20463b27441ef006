using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Wit.Core.Lint;
using Wit.Core.Semantics;
using Wit.Core.Text;
using Wit.Core.Workspace;
using Wit.Core.Tests.TestKit;
using Wit.Ide.Diagnostics;
using Wit.Ide.Workspace;
using Wit.LanguageServer;
using Wit.LanguageServer.Translation;
using Wit.Protocol;
using Wit.Protocol.Lsp;

namespace Wit.Benchmarks;

/// <summary>
/// Where a keystroke's time goes, stage by stage, without the protocol: the same workspace and 5,000-line file as
/// <see cref="ServerBenchmark"/>, driven through <see cref="IdeWorkspace"/> directly. Each stage is timed on its own
/// (reparse and snapshot, the root's analysis, then, recomputed separately for the split, resolution and lint, the
/// document's diagnostics, their translation, fingerprint and JSON), with the bytes each allocates.
/// </summary>
internal static class KeystrokeBreakdown
{
    public static string Run()
    {
        string wasi02 = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "corpus", "wasi-wit", "wasi-0.2.12"));
        string wasi03 = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "corpus", "wasi-wit", "wasi-0.3.0"));
        string httpDirectory = Path.Combine(wasi03, "http", "wit");
        string types = Path.Combine(httpDirectory, "types.wit");
        string generatedPath = Path.Combine(httpDirectory, "generated-bench.wit");
        string generated = ServerBenchmark.Generate(5000);

        var workspace = new IdeWorkspace(PhysicalFileSystem.Instance);
        workspace.SetFolders(new[] { wasi02, wasi03 });
        foreach (var analysis in workspace.Snapshot.AllAnalyses()) _ = analysis.Model;
        workspace.Open(types, File.ReadAllText(types), 1);
        workspace.Open(generatedPath, generated, 1);
        _ = workspace.Snapshot.AnalysisOf(generatedPath);
        var translator = new LspTranslator(new DocumentUris());

        int offset = generated.IndexOf("send55:", StringComparison.Ordinal) + "send55".Length;
        var stages = new[] { "change (reparse, snapshot)", "root analysis (load, incremental check)", "  for comparison: resolve from the last model", "  for comparison: lint it all", "document diagnostics", "translate to LSP", "fingerprint", "serialize JSON", "then: the root's other files' diagnostics" };
        var times = stages.ToDictionary(s => s, _ => new List<double>());
        var bytes = stages.ToDictionary(s => s, _ => new List<double>());
        int diagnosticsCount = 0;
        var pause = TimeSpan.Zero;
        int gen0 = 0, gen1 = 0, gen2 = 0;
        WitModel? previous = workspace.Snapshot.AnalysisOf(generatedPath)!.Model;
        for (int i = 0; i < 400; i++)
        {
            bool insert = i % 2 == 0;
            var change = insert ? new TextChange(new TextSpan(offset, 0), "x") : new TextChange(new TextSpan(offset, 1), string.Empty);
            bool record = i >= 40;
            if (i == 40)
            {
                pause = GC.GetTotalPauseDuration();
                (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            }
            void Time(string stage, Action action)
            {
                long allocated = GC.GetAllocatedBytesForCurrentThread();
                var clock = Stopwatch.StartNew();
                action();
                clock.Stop();
                if (!record) return;
                times[stage].Add(clock.Elapsed.TotalMilliseconds);
                bytes[stage].Add((GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0);
            }

            Time(stages[0], () => workspace.Change(generatedPath, new[] { change }, i + 2));
            var snapshot = workspace.Snapshot;
            Wit.Ide.Analysis.RootAnalysis root = null!;
            Time(stages[1], () => root = snapshot.AnalysisOf(generatedPath)!);
            WitModel again = null!;
            // The comparison (what the check spares) on every 8th keystroke only: its garbage would skew the GC numbers.
            if (i % 8 == 0)
            {
                Time(stages[2], () => again = WitResolver.Resolve(root.Workspace, snapshot.Options.Resolve, previous));
                previous = again;
                Time(stages[3], () => WitLinter.Lint(root.Workspace, again, snapshot.Options.Lint));
            }
            IReadOnlyList<Wit.Core.Diagnostics.Diagnostic> diagnostics = null!;
            Time(stages[4], () => diagnostics = DocumentDiagnostics.For(snapshot, generatedPath));
            var document = snapshot.GetDocument(generatedPath)!;
            Diagnostic[] lsp = null!;
            Time(stages[5], () => lsp = diagnostics.Select(d => translator.ToDiagnostic(document.Text, d)).ToArray());
            Time(stages[6], () => DiagnosticsPublisher.Fingerprint(lsp));
            Time(stages[7], () => JsonSerializer.SerializeToUtf8Bytes(new PublishDiagnosticsParams { Uri = "file:///x", Version = i, Diagnostics = lsp }, LspJsonContext.Default.PublishDiagnosticsParams));
            diagnosticsCount = lsp.Length;
            Time(stages[8], () =>
            {
                foreach (var file in root.Files)
                {
                    if (file.Path != generatedPath) _ = DocumentDiagnostics.For(snapshot, file.Path);
                }
            });
        }

        var table = new MarkdownTable("stage", "median ms", "p90 ms", "median KB allocated");
        foreach (var stage in stages) table.Add(stage, Format.Number(Median(times[stage]), "0.000"), Format.Number(Percentile(times[stage], 0.9), "0.000"), Format.Number(Median(bytes[stage]), "0"));
        var output = new StringBuilder();
        output.AppendLine($"## Keystroke breakdown (IdeWorkspace directly, {diagnosticsCount} diagnostics in the edited document)\n");
        output.Append(table);
        int keystrokes = times[stages[0]].Count;
        output.AppendLine($"\n> GC over {keystrokes} keystrokes: {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds / keystrokes:0.000} ms paused per keystroke; collections gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}");
        foreach (var kind in new[] { GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background })
        {
            var info = GC.GetGCMemoryInfo(kind);
            output.AppendLine($"> last {kind} GC: gen {info.Generation}, pause {string.Join("+", info.PauseDurations.ToArray().Select(d => d.TotalMilliseconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))} ms, promoted {info.PromotedBytes / 1024} KB, heap {info.HeapSizeBytes / (1024 * 1024)} MB, compacted {info.Compacted}, concurrent {info.Concurrent}");
        }

        var model = workspace.Snapshot.AnalysisOf(generatedPath)!.Model;
        output.AppendLine($"\n> root model: {model.Packages.Count} packages ({string.Join(", ", model.Packages.Select(p => p.Name))}), {model.ReusedPackages} taken over from the previous keystroke's model");
        return output.ToString();
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
