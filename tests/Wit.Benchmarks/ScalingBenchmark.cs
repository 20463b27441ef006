using System;
using System.Text;
using Wit.Core.Formatting;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;

namespace Wit.Benchmarks;

/// <summary>
/// Parse time against nesting depth (nested <c>list&lt;</c> types, past the 100-level limit, and nested block
/// comments) and against file length (generated files), and formatting time against file length. Time per unit stays
/// flat when parsing and formatting are linear (the unit tests assert no wall-clock times; this table shows them).
/// </summary>
internal static class ScalingBenchmark
{
    private static readonly int[] Depths = { 1_000, 2_000, 4_000, 8_000 };
    private static readonly int[] LineCounts = { 12_500, 25_000, 50_000, 100_000 };

    public static string Run()
    {
        var depth = new MarkdownTable("input", "depth", "chars", "median ms", "µs per level", "per level vs first row");
        AddDepthRows(depth, "nested list<...> type", d => "package a:b;\ninterface i {\n  type t = " + Repeat("list<", d) + "u32" + Repeat(">", d) + ";\n}\n");
        AddDepthRows(depth, "nested /* */ comment", d => Repeat("/* ", d) + Repeat("*/ ", d) + "\npackage a:b;\n");

        var size = new MarkdownTable("lines", "chars", "median ms", "of which GC pause ms", "allocated MB", "ms per 1k lines", "ms per 1k lines excl. GC", "per line vs first row");
        double firstPerLine = 0;
        foreach (int lines in LineCounts)
        {
            string text = WitFileGenerator.Generate(lines);
            var timing = Measure.Median(() => SyntaxTree.ParseWit(text), samples: 7, warmups: 2);
            double perLine = timing.Milliseconds / lines;
            if (firstPerLine == 0) firstPerLine = perLine;
            size.Add(
                Format.Integer(lines),
                Format.Integer(text.Length),
                Format.Number(timing.Milliseconds),
                Format.Number(timing.GcPauseMilliseconds),
                Format.Number(timing.AllocatedBytes / 1e6, "0.0"),
                Format.Number(perLine * 1000, "0.000"),
                Format.Number((timing.Milliseconds - timing.GcPauseMilliseconds) / lines * 1000, "0.000"),
                Format.Number(perLine / firstPerLine, "0.00") + "x");
        }

        var format = new MarkdownTable("lines", "median ms", "ms per 1k lines", "per line vs first row");
        double firstFormatPerLine = 0;
        foreach (int lines in LineCounts)
        {
            var tree = SyntaxTree.ParseWit(WitFileGenerator.Generate(lines));
            double ms = Measure.Median(() => WitFormatter.Format(tree), samples: 5, warmups: 1).Milliseconds;
            double perLine = ms / lines;
            if (firstFormatPerLine == 0) firstFormatPerLine = perLine;
            format.Add(Format.Integer(lines), Format.Number(ms), Format.Number(perLine * 1000, "0.000"), Format.Number(perLine / firstFormatPerLine, "0.00") + "x");
        }

        return "### Scaling with nesting depth\n\n" + depth + "\n### Scaling with file length\n\n" + size + "\n### Formatting with file length\n\n" + format;
    }

    private static void AddDepthRows(MarkdownTable table, string label, Func<int, string> generate)
    {
        double firstPerLevel = 0;
        foreach (int d in Depths)
        {
            string text = generate(d);
            double ms = Measure.Median(() => SyntaxTree.ParseWit(text), samples: 11, warmups: 3).Milliseconds;
            double perLevel = ms / d;
            if (firstPerLevel == 0) firstPerLevel = perLevel;
            table.Add(label, Format.Integer(d), Format.Integer(text.Length), Format.Number(ms, "0.000"), Format.Number(perLevel * 1000, "0.000"), Format.Number(perLevel / firstPerLevel, "0.00") + "x");
        }
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
