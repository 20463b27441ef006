using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Xunit;

namespace Wit.Cli.Tests;

public class UnifiedDiffTests
{
    [Fact]
    public void EqualTextsGiveNoDiff() => Assert.Equal(string.Empty, UnifiedDiff.Create("a.wit", "x\n", "x\n"));

    [Fact]
    public void DistantChangesGetSeparateHunksWithThreeLinesOfContext()
    {
        string before = string.Concat(Enumerable.Range(1, 20).Select(i => $"line {i}\n"));
        string after = before.Replace("line 2\n", "line two\n", System.StringComparison.Ordinal).Replace("line 18\n", string.Empty, System.StringComparison.Ordinal);

        Assert.Equal(
            "--- a/f\n+++ b/f\n" +
            "@@ -1,5 +1,5 @@\n line 1\n-line 2\n+line two\n line 3\n line 4\n line 5\n" +
            "@@ -15,6 +15,5 @@\n line 15\n line 16\n line 17\n-line 18\n line 19\n line 20\n",
            UnifiedDiff.Create("f", before, after));
    }

    [Fact]
    public void NearbyChangesShareAHunk()
    {
        string before = "a\nb\nc\nd\ne\nf\ng\nh\ni\n";
        string after = "a\nB\nc\nd\ne\nf\ng\nH\ni\n";

        Assert.Equal(
            "--- a/f\n+++ b/f\n@@ -1,9 +1,9 @@\n a\n-b\n+B\n c\n d\n e\n f\n g\n-h\n+H\n i\n",
            UnifiedDiff.Create("f", before, after));
    }

    [Fact]
    public void ChangesSixLinesApartShareAHunkAndSevenLinesApartDoNot()
    {
        Assert.Equal(
            "--- a/f\n+++ b/f\n@@ -1,8 +1,8 @@\n-a\n+A\n 1\n 2\n 3\n 4\n 5\n 6\n-b\n+B\n",
            UnifiedDiff.Create("f", "a\n1\n2\n3\n4\n5\n6\nb\n", "A\n1\n2\n3\n4\n5\n6\nB\n"));
        Assert.Equal(
            "--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n-a\n+A\n 1\n 2\n 3\n@@ -6,4 +6,4 @@\n 5\n 6\n 7\n-b\n+B\n",
            UnifiedDiff.Create("f", "a\n1\n2\n3\n4\n5\n6\n7\nb\n", "A\n1\n2\n3\n4\n5\n6\n7\nB\n"));
    }

    [Fact]
    public void AMissingFinalLineBreakIsMarked() => Assert.Equal(
        "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n",
        UnifiedDiff.Create("f", "a\nb", "a\nb\n"));

    [Fact]
    public void InsertionsIntoAnEmptyTextStartAtLineZero() => Assert.Equal(
        "--- a/f\n+++ b/f\n@@ -0,0 +1,2 @@\n+a\n+b\n",
        UnifiedDiff.Create("f", string.Empty, "a\nb\n"));

    [Fact]
    public void TheScriptIsAShortestOne()
    {
        // Myers finds the two edits; a naive line-by-line comparison would replace every line after the first.
        Assert.Equal(
            "--- a/f\n+++ b/f\n@@ -1,5 +1,5 @@\n-x\n a\n b\n c\n d\n+y\n",
            UnifiedDiff.Create("f", "x\na\nb\nc\nd\n", "a\nb\nc\nd\ny\n"));
    }

    [Fact]
    public void ApplyingTheDiffToRandomTextsGivesTheNewText()
    {
        var random = new Random(271_828);
        for (int i = 0; i < 2_000; i++)
        {
            string before = RandomLines(random);
            string after = RandomLines(random);

            string diff = UnifiedDiff.Create("f", before, after);

            Assert.True(Apply(before, diff) == after, $"before {before.Replace("\n", "|", StringComparison.Ordinal)} after {after.Replace("\n", "|", StringComparison.Ordinal)}\n{diff}");
        }
    }

    [Fact]
    public void TooManyDifferencesAreShownAsOneReplacement()
    {
        int lines = UnifiedDiff.MaxEdits + 10;
        string before = string.Concat(Enumerable.Range(0, lines).Select(i => $"a{i}\n"));
        string after = string.Concat(Enumerable.Range(0, lines).Select(i => $"b{i}\n"));

        string diff = UnifiedDiff.Create("f", before, after);

        Assert.StartsWith($"--- a/f\n+++ b/f\n@@ -1,{lines} +1,{lines} @@\n-a0\n-a1\n", diff, System.StringComparison.Ordinal);
        Assert.Equal(2 * lines + 3, diff.Count(c => c == '\n'));
    }

    /// <summary>Up to 30 lines drawn from a four-line alphabet, so texts share many lines; the last break is optional.</summary>
    private static string RandomLines(Random random)
    {
        var builder = new StringBuilder();
        int count = random.Next(0, 30);
        for (int i = 0; i < count; i++) builder.Append("abcd"[random.Next(4)]).Append('\n');
        if (builder.Length > 0 && random.Next(4) == 0) builder.Length--;
        return builder.ToString();
    }

    /// <summary>A minimal patch: applies each hunk's context and removals to <paramref name="text"/>, checking them.</summary>
    private static string Apply(string text, string diff)
    {
        if (diff.Length == 0) return text;
        var source = SplitKeepingBreaks(text);
        var result = new List<string>();
        int position = 0;
        var lines = diff.Split('\n');
        for (int i = 2; i < lines.Length && lines[i].Length > 0;)
        {
            string header = lines[i++];
            int start = int.Parse(header.Substring(4).Split(',')[0], CultureInfo.InvariantCulture);
            int count = int.Parse(header.Split(' ')[1].Split(',')[1], CultureInfo.InvariantCulture);
            int first = count == 0 ? start : start - 1;
            while (position < first) result.Add(source[position++]);
            while (i < lines.Length && lines[i].Length > 0 && lines[i][0] != '@')
            {
                string line = lines[i++];
                bool noBreak = i < lines.Length && lines[i].StartsWith('\\');
                if (noBreak) i++;
                string content = line.Substring(1) + (noBreak ? string.Empty : "\n");
                if (line[0] == '+')
                {
                    result.Add(content);
                    continue;
                }

                Assert.Equal(source[position], content);
                position++;
                if (line[0] == ' ') result.Add(content);
            }
        }

        while (position < source.Count) result.Add(source[position++]);
        return string.Concat(result);
    }

    private static List<string> SplitKeepingBreaks(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            lines.Add(text.Substring(start, i + 1 - start));
            start = i + 1;
        }

        if (start < text.Length) lines.Add(text.Substring(start));
        return lines;
    }
}
