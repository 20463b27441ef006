using System;
using System.Linq;
using System.Text;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;

namespace Wit.Benchmarks;

/// <summary>Full parses of every <c>.wit</c> file of the corpus: median time of one pass over all of them, and MB/s.</summary>
internal static class ThroughputBenchmark
{
    public static string Run()
    {
        var texts = Corpus.Files(string.Empty, ".wit").Select(Corpus.ReadText).ToArray();
        long bytes = texts.Sum(text => (long)Encoding.UTF8.GetByteCount(text));
        long lines = texts.Sum(text => (long)text.Count(c => c == '\n'));
        int sink = 0;
        var timing = Measure.Median(
            () =>
            {
                foreach (string text in texts) sink += SyntaxTree.ParseWit(text).GreenRoot.SlotCount;
            },
            samples: 21,
            warmups: 5);
        GC.KeepAlive(sink);
        double milliseconds = timing.Milliseconds;

        var table = new MarkdownTable("files", "lines", "MB (UTF-8)", "median ms per pass", "of which GC pause ms", "allocated MB per pass", "MB/s", "lines/ms");
        table.Add(
            Format.Integer(texts.Length),
            Format.Integer(lines),
            Format.Number(bytes / 1e6, "0.000"),
            Format.Number(milliseconds),
            Format.Number(timing.GcPauseMilliseconds),
            Format.Number(timing.AllocatedBytes / 1e6, "0.0"),
            Format.Number(bytes / 1e6 / (milliseconds / 1000), "0.0"),
            Format.Number(lines / milliseconds, "0"));
        return "### Throughput: full parse of every corpus .wit file\n\n" + table;
    }
}
