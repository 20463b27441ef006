using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Wit.Core.Formatting;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;
using Wit.Core.Tests.Wit.Fuzz;
using Xunit;
using Xunit.Abstractions;

namespace Wit.Core.Tests.Formatting;

/// <summary>
/// The formatter's invariants over every WIT file of the corpus and over mutated (mostly broken) copies of them:
/// formatting changes only whitespace (the same tokens, comments and syntax diagnostics), formatting twice changes
/// nothing more, and broken top-level items keep their text. Deep input formats on a small stack.
/// </summary>
public sealed class WitFormatterCorpusTests
{
    private const int MutatedInputs = 4_000;
    private const int MaxDonorLength = 4_000;

    private static readonly Lazy<IReadOnlyList<(string Path, string Text, string Formatted)>> CorpusFiles = new(() =>
        Corpus.Files("", ".wit").Select(path =>
        {
            string text = Corpus.ReadText(path);
            return (Corpus.Relative(path), text, WitFormatter.Format(text));
        }).ToList());

    private readonly ITestOutputHelper _output;

    public WitFormatterCorpusTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void FormattingIsIdempotentOnEveryCorpusFile()
    {
        var files = CorpusFiles.Value;
        Assert.True(files.Count >= 400, $"only {files.Count} corpus files");
        var failures = files
            .Where(f => WitFormatter.Format(f.Formatted) != f.Formatted)
            .Select(f => $"{f.Path}: {FormatChecks.FirstDifference(f.Formatted, WitFormatter.Format(f.Formatted))}")
            .ToList();

        _output.WriteLine($"{files.Count} files, {files.Count(f => f.Formatted != f.Text)} changed by formatting");
        Assert.True(failures.Count == 0, "formatting the formatted text changed it:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void FormattingKeepsEveryTokenAndCommentOfEveryCorpusFile()
    {
        var files = CorpusFiles.Value;
        int comments = 0;
        var failures = new List<string>();
        foreach (var (path, text, formatted) in files)
        {
            comments += FormatChecks.Comments(SyntaxTree.ParseWit(text)).Count;
            string? problem = FormatChecks.WhitespaceOnlyProblem(text, formatted);
            if (problem is not null) failures.Add($"{path}: {problem}");
        }

        _output.WriteLine($"{files.Count} files, {comments} comments compared");
        Assert.True(comments >= 1000, $"only {comments} comments in the corpus");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void MutatedCorpusFilesKeepTheirInvariantsAndTheirBrokenItems()
    {
        var donors = CorpusFiles.Value.Select(f => f.Text).Where(text => text.Length <= MaxDonorLength).ToList();
        var random = new Random(5_150_731);
        var failures = new List<string>();
        int brokenItems = 0;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < MutatedInputs && failures.Count < 5; i++)
        {
            string input = WitMutator.Mutate(random, donors[random.Next(donors.Count)], donors);
            string? problem = FormatChecks.Problem(input) ?? BrokenItemProblem(input, ref brokenItems);
            if (problem is null) continue;
            string shrunk = Shrinker.Shrink(input, candidate => (FormatChecks.Problem(candidate) ?? BrokenItemProblem(candidate, ref brokenItems)) is not null);
            failures.Add($"mutation #{i}: {problem}\n  input: {TreeChecks.Literal(shrunk)}");
        }

        _output.WriteLine($"{MutatedInputs} mutations, {brokenItems} broken items, in {clock.ElapsedMilliseconds} ms");
        Assert.True(brokenItems >= MutatedInputs / 2, $"only {brokenItems} broken items: the mutations hardly break anything");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void CorpusFilesWithScrambledWhitespaceAndCommentsKeepTheirInvariants()
    {
        string[] gaps = { " ", "  ", "\n", "\n\n\n", "\t", " /* c */ ", "/* d */", " // e\n", "\n// f\n\n", "\n/// g\n", "\r\n", " /* h\n i */ " };
        var random = new Random(3_141_592);
        var failures = new List<string>();
        int inputs = 0;
        foreach (var (path, text, _) in CorpusFiles.Value)
        {
            if (text.Length > MaxDonorLength || SyntaxTree.ParseWit(text).Diagnostics.Count > 0) continue;
            inputs++;
            var builder = new StringBuilder();
            foreach (var token in SyntaxTree.ParseWit(text).Root.DescendantTokens())
            {
                builder.Append(random.Next(4) == 0 ? gaps[random.Next(gaps.Length)] : " ").Append(token.Text);
            }

            string? problem = FormatChecks.Problem(builder.ToString());
            if (problem is not null) failures.Add($"{path}: {problem}\n  input: {TreeChecks.Literal(builder.ToString())}");
            if (failures.Count >= 5) break;
        }

        _output.WriteLine($"{inputs} scrambled files");
        Assert.True(inputs >= 200, $"only {inputs} valid small corpus files");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void DeeplyNestedTypesAndPackagesFormatOnASmallStack()
    {
        // The parser's limits: a type nests at most 100 deep and a package at most 100 deep; deeper input is broken
        // and kept as written.
        foreach (int depth in new[] { 99, 100, 5_000 })
        {
            string type = string.Concat(Enumerable.Repeat("list<", depth)) + "u8" + new string('>', depth);
            string types = $"interface i {{ type t = {type}; }}";
            string packages = string.Concat(Enumerable.Repeat("package a:b { ", depth)) + "interface i {}" + string.Concat(Enumerable.Repeat(" }", depth));
            foreach (string input in new[] { types, packages })
            {
                string? problem = StackLimited.Run(() => FormatChecks.Problem(input));
                Assert.True(problem is null, $"depth {depth}: {problem}");
            }
        }
    }

    /// <summary>Null when every broken top-level item's text (first token to last) is in the output, in order.</summary>
    private static string? BrokenItemProblem(string input, ref int count)
    {
        var root = SyntaxTree.ParseWit(input).GreenRoot;
        var broken = BrokenItems.Find(root);
        string output = WitFormatter.Format(input);
        int searchFrom = 0;
        for (int i = 0; i < broken.Length; i++)
        {
            if (!broken[i]) continue;
            count++;
            string text = ItemText((GreenNode)root.GetSlot(i));
            int found = output.IndexOf(text, searchFrom, StringComparison.Ordinal);
            if (found < 0) return $"broken item #{i} {TreeChecks.Literal(text)} is not in the output as written";
            searchFrom = found + text.Length;
        }

        return null;
    }

    /// <summary>An item's text from the start of its first token to the end of its last one (trivia around it excluded).</summary>
    private static string ItemText(GreenNode item)
    {
        string full = item.ToFullString();
        var tokens = new List<GreenToken>();
        var stack = new Stack<GreenElement>();
        stack.Push(item);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (element is GreenToken token)
            {
                if (!token.IsMissing) tokens.Add(token);
                continue;
            }

            var node = (GreenNode)element;
            for (int i = node.SlotCount - 1; i >= 0; i--) stack.Push(node.GetSlot(i));
        }

        if (tokens.Count == 0) return string.Empty;
        int start = tokens[0].LeadingWidth;
        int end = full.Length - tokens[tokens.Count - 1].TrailingWidth;
        return full.Substring(start, end - start);
    }
}
