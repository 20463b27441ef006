using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;
using Wit.Core.Text;
using Xunit;
using Xunit.Abstractions;

namespace Wit.Core.Tests.Wit.Incremental;

/// <summary>
/// Incremental reparsing must give exactly the tree a full parse gives. Chains of random edits run over corpus
/// files; after each edit the incremental tree is compared with a fresh parse of the new text. A failure names the
/// file, the edit and its context, and gives a shrunk two-line reproduction; the unshrunk text before the failing
/// edit is written under <c>artifacts/incremental/</c>.
/// </summary>
public sealed class IncrementalDifferentialTests
{
    private const int FileCount = 40;
    private const int EditsPerFile = 260;
    private const int ReportedFailures = 5;

    private readonly ITestOutputHelper _output;

    public IncrementalDifferentialTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void RandomEditChainsMatchFullReparses()
    {
        var files = ChooseFiles();
        var random = new Random(31_337);
        var reports = new List<string>();
        int failures = 0;
        int edits = 0;
        var clock = Stopwatch.StartNew();
        foreach (string path in files)
        {
            string text = Corpus.ReadText(path);
            var tree = SyntaxTree.ParseWit(text);
            var generator = new RandomEdits(random, text.Length);
            for (int index = 0; index < EditsPerFile; index++)
            {
                var change = generator.Next(tree);
                string newText = tree.Text.WithChange(change).Text;
                var full = SyntaxTree.ParseWit(newText);
                string? problem = Problem(tree, change, full);
                edits++;
                if (problem is not null)
                {
                    failures++;
                    if (reports.Count < ReportedFailures) reports.Add(Report(path, index, text, change, problem));
                }

                // Continue from the full parse, so one failure does not hide the next ones.
                tree = full;
                text = newText;
            }
        }

        _output.WriteLine($"{edits} edits over {files.Count} files in {clock.ElapsedMilliseconds} ms; {failures} mismatches");
        Assert.True(edits >= 10_000, $"only {edits} edits ran");
        Assert.True(failures == 0, $"{failures} of {edits} incremental reparses differ from a full parse; the first {reports.Count}:\n\n" + string.Join("\n\n", reports));
    }

    /// <summary>Null when the incremental tree equals the full parse and prints the new text.</summary>
    private static string? Problem(SyntaxTree before, TextChange change, SyntaxTree full)
    {
        SyntaxTree incremental;
        try
        {
            incremental = before.WithChange(change);
        }
        catch (Exception exception)
        {
            return $"WithChange threw {exception.GetType().Name}: {exception.Message}\n{exception.StackTrace}";
        }

        if (incremental.Text.Text != full.Text.Text) return "the new tree's text is not the edited text";
        string? roundTrip = TreeChecks.RoundTripProblem(incremental, full.Text.Text);
        if (roundTrip is not null) return roundTrip;
        if (GreenElement.StructurallyEqual(incremental.GreenRoot, full.GreenRoot)) return null;
        return "incremental tree differs from full parse " + (GreenDiff.FirstDifference(full.GreenRoot, incremental.GreenRoot) ?? "(no difference located)");
    }

    private static bool Fails(string before, TextChange change)
    {
        var full = SyntaxTree.ParseWit(SourceText.From(before).WithChange(change));
        return Problem(SyntaxTree.ParseWit(before), change, full) is not null;
    }

    private static string Report(string path, int index, string before, TextChange change, string problem)
    {
        string name = Corpus.Relative(path);
        string artifact = RepoPaths.Artifact("incremental", name.Replace('/', '_') + $".edit{index}.txt");
        File.WriteAllText(artifact, $"// change: {change.Span} -> {TreeChecks.Literal(change.NewText)}\n{before}");

        var (shrunk, shrunkChange) = ShrinkCase(before, change);
        var b = new StringBuilder();
        b.Append(name).Append(", edit #").Append(index).Append(": ").Append(change.Span).Append(" -> ").AppendLine(TreeChecks.Literal(change.NewText));
        b.Append("  before: ").Append(TreeChecks.Snippet(before, change.Span.Start)).Append("  (text before the edit: ").Append(artifact).AppendLine(")");
        b.Append("  ").AppendLine(problem);
        b.AppendLine("  shrunk reproduction:");
        b.Append("    var tree = SyntaxTree.ParseWit(").Append(TreeChecks.Literal(shrunk)).AppendLine(");");
        b.Append("    var edited = tree.WithChange(new TextChange(new TextSpan(").Append(shrunkChange.Span.Start).Append(", ")
            .Append(shrunkChange.Span.Length).Append("), ").Append(TreeChecks.Literal(shrunkChange.NewText)).Append("));");
        return b.ToString();
    }

    /// <summary>Shrinks the text before and after the changed span, then the removed and inserted text.</summary>
    private static (string Before, TextChange Change) ShrinkCase(string before, TextChange change)
    {
        string prefix = before.Substring(0, change.Span.Start);
        string removed = before.Substring(change.Span.Start, change.Span.Length);
        string suffix = before.Substring(change.Span.End);
        string inserted = change.NewText;
        bool Check(string p, string r, string s, string i) => Fails(p + r + s, new TextChange(new TextSpan(p.Length, r.Length), i));

        prefix = Shrinker.Shrink(prefix, p => Check(p, removed, suffix, inserted));
        suffix = Shrinker.Shrink(suffix, s => Check(prefix, removed, s, inserted));
        removed = Shrinker.Shrink(removed, r => Check(prefix, r, suffix, inserted));
        inserted = Shrinker.Shrink(inserted, i => Check(prefix, removed, suffix, i));
        return (prefix + removed + suffix, new TextChange(new TextSpan(prefix.Length, removed.Length), inserted));
    }

    /// <summary>
    /// Forty WIT files of 200 to 12,000 characters, spread evenly over the corpus in ordinal order, with the
    /// non-ASCII file and two invalid ones always included.
    /// </summary>
    private static IReadOnlyList<string> ChooseFiles()
    {
        var required = new[]
        {
            Corpus.PathOf("realworld", "wasi-crypto", "wit", "wasi_ephemeral_crypto_symmetric.wit"),
            Corpus.PathOf("wit-parser-ui", "parse-fail", "type-nesting-too-deep.wit"),
            Corpus.PathOf("wit-parser-ui", "parse-fail", "bad-resource9.wit"),
        };
        var candidates = Corpus.Files("", ".wit")
            .Where(path => !required.Contains(path))
            .Where(path => new FileInfo(path).Length is >= 200 and <= 12_000)
            .ToList();
        int wanted = FileCount - required.Length;
        Assert.True(candidates.Count >= wanted, $"only {candidates.Count} candidate files");
        var chosen = new List<string>(required);
        for (int i = 0; i < wanted; i++) chosen.Add(candidates[i * candidates.Count / wanted]);
        foreach (string path in required) Assert.True(File.Exists(path), $"missing corpus file {path}");
        return chosen;
    }
}
