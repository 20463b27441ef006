using System;
using System.Collections.Generic;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;
using Wit.Core.Text;

namespace Wit.Benchmarks;

/// <summary>
/// A one-character edit (typing a letter into a field name) via <see cref="SyntaxTree.WithChange"/> at the start,
/// middle and end of a generated 5,000-line file, against a full parse of the same text.
/// </summary>
internal static class IncrementalBenchmark
{
    private const int Lines = 5_000;

    public static string Run()
    {
        string text = WitFileGenerator.Generate(Lines);
        var tree = SyntaxTree.ParseWit(text);
        if (tree.Diagnostics.Count != 0) throw new InvalidOperationException("the generated file has syntax errors");

        double full = Measure.Median(() => SyntaxTree.ParseWit(text), samples: 21, warmups: 5).Milliseconds;
        var table = new MarkdownTable("edit", "offset", "median incremental ms", "median full parse ms", "full / incremental", "reused items");
        foreach (var (label, fraction) in new[] { ("start", 0.0), ("middle", 0.5), ("end", 1.0) })
        {
            int offset = EditOffset(text, fraction);
            var change = new TextChange(new TextSpan(offset, 0), "x");
            var edited = tree.WithChange(change);
            if (!GreenElement.StructurallyEqual(edited.GreenRoot, SyntaxTree.ParseWit(edited.Text.Text).GreenRoot))
            {
                throw new InvalidOperationException($"incremental and full parse differ for the {label} edit");
            }

            // Enough warm-up calls for the runtime's tiered JIT to promote the parser's small-input paths.
            double incremental = Measure.Median(() => tree.WithChange(change), samples: 51, warmups: 500).Milliseconds;
            table.Add(label, Format.Integer(offset), Format.Number(incremental, "0.000"), Format.Number(full), Format.Number(full / incremental, "0.0") + "x", Reused(tree.GreenRoot, edited.GreenRoot));
        }

        return $"### Incremental: one-character edit in a {Format.Integer(Lines)}-line file ({Format.Integer(text.Length)} chars, {Format.Integer(tree.GreenRoot.SlotCount - 1)} top-level items)\n\n" + table;
    }

    /// <summary>Just after the first <c>field-a</c> at or after the given fraction of the text (the last one for 1.0).</summary>
    private static int EditOffset(string text, double fraction)
    {
        const string name = "field-a";
        int index = fraction >= 1.0
            ? text.LastIndexOf(name, StringComparison.Ordinal)
            : text.IndexOf(name, (int)(text.Length * fraction), StringComparison.Ordinal);
        return index + name.Length;
    }

    private static string Reused(GreenNode before, GreenNode after)
    {
        var old = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var slot in before.Slots) old.Add(slot);
        int reused = 0;
        foreach (var slot in after.Slots)
        {
            if (old.Contains(slot)) reused++;
        }

        return $"{Format.Integer(reused)} of {Format.Integer(after.SlotCount)}";
    }
}
