using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Wit.Cli;

/// <summary>
/// A unified diff of two texts by lines (<c>diff -u</c> style, three lines of context), for <c>wit fmt --diff</c>.
/// Lines are matched with Myers' O(ND) algorithm after the common head and tail are set aside; when more than
/// <see cref="MaxEdits"/> lines differ, the differing middle is shown as one replacement rather than searched for
/// a shortest script (formatting an unformatted file can change nearly every line, and then that is the diff).
/// </summary>
public static class UnifiedDiff
{
    /// <summary>The most line insertions and deletions searched for; Myers' trace grows with its square.</summary>
    public const int MaxEdits = 2_000;

    private const int Context = 3;

    private enum Op : byte
    {
        Equal,
        Delete,
        Insert,
    }

    /// <summary>
    /// The diff from <paramref name="before"/> to <paramref name="after"/>, headed <c>--- a/path</c> and
    /// <c>+++ b/path</c>; empty when the texts are equal. Lines keep their carriage returns; a last line without a line
    /// break is marked <c>\ No newline at end of file</c>.
    /// </summary>
    public static string Create(string path, string before, string after)
    {
        if (string.Equals(before, after, StringComparison.Ordinal)) return string.Empty;
        var a = SplitLines(before);
        var b = SplitLines(after);
        var ops = Diff(Keys(a, before), Keys(b, after));
        var builder = new StringBuilder();
        builder.Append("--- a/").Append(path).Append('\n');
        builder.Append("+++ b/").Append(path).Append('\n');
        AppendHunks(builder, ops, a, b, before.EndsWith("\n", StringComparison.Ordinal), after.EndsWith("\n", StringComparison.Ordinal));
        return builder.ToString();
    }

    /// <summary>The lines of a text without their <c>\n</c>; a final line break does not start another line.</summary>
    private static string[] SplitLines(string text)
    {
        if (text.Length == 0) return Array.Empty<string>();
        var lines = text.Split('\n');
        if (lines[lines.Length - 1].Length == 0) Array.Resize(ref lines, lines.Length - 1);
        return lines;
    }

    /// <summary>
    /// The lines as compared: a last line without a line break differs from the same line with one (a line cannot
    /// contain <c>\n</c>, so the marker cannot collide with a real line).
    /// </summary>
    private static string[] Keys(string[] lines, string text)
    {
        if (lines.Length == 0 || text.EndsWith("\n", StringComparison.Ordinal)) return lines;
        var keys = (string[])lines.Clone();
        keys[keys.Length - 1] += "\n(no newline)";
        return keys;
    }

    /// <summary>An edit script from <paramref name="a"/> to <paramref name="b"/>, one operation per line.</summary>
    private static List<Op> Diff(string[] a, string[] b)
    {
        int head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head]) head++;
        int tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[a.Length - 1 - tail] == b[b.Length - 1 - tail]) tail++;

        var ops = new List<Op>(a.Length + b.Length);
        for (int i = 0; i < head; i++) ops.Add(Op.Equal);
        var middle = Myers(a, b, head, a.Length - tail, head, b.Length - tail);
        if (middle is null)
        {
            for (int i = head; i < a.Length - tail; i++) ops.Add(Op.Delete);
            for (int i = head; i < b.Length - tail; i++) ops.Add(Op.Insert);
        }
        else
        {
            ops.AddRange(middle);
        }

        for (int i = 0; i < tail; i++) ops.Add(Op.Equal);
        return ops;
    }

    /// <summary>
    /// Myers' greedy algorithm over <c>a[aStart..aEnd)</c> and <c>b[bStart..bEnd)</c>, keeping each round's frontier to
    /// walk the shortest script back; null when it needs more than <see cref="MaxEdits"/> edits.
    /// </summary>
    private static List<Op>? Myers(string[] a, string[] b, int aStart, int aEnd, int bStart, int bEnd)
    {
        int n = aEnd - aStart, m = bEnd - bStart;
        int max = Math.Min(n + m, MaxEdits);
        var v = new int[2 * max + 3];
        int offset = max + 1;
        var trace = new List<int[]>();
        for (int d = 0; d <= max; d++)
        {
            // The frontier after round d - 1, for diagonals -d..d.
            var snapshot = new int[2 * d + 1];
            Array.Copy(v, offset - d, snapshot, 0, 2 * d + 1);
            trace.Add(snapshot);
            for (int k = -d; k <= d; k += 2)
            {
                int x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[aStart + x] == b[bStart + y])
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m) return Backtrack(trace, d, n, m);
            }
        }

        return null;
    }

    private static List<Op> Backtrack(List<int[]> trace, int edits, int n, int m)
    {
        var reversed = new List<Op>(n + m);
        int x = n, y = m;
        for (int d = edits; d > 0; d--)
        {
            var frontier = trace[d];
            int k = x - y;
            bool down = k == -d || (k != d && frontier[k - 1 + d] < frontier[k + 1 + d]);
            int previousK = down ? k + 1 : k - 1;
            int previousX = frontier[previousK + d];
            int previousY = previousX - previousK;
            while (x > previousX + (down ? 0 : 1) && y > previousY + (down ? 1 : 0))
            {
                reversed.Add(Op.Equal);
                x--;
                y--;
            }

            reversed.Add(down ? Op.Insert : Op.Delete);
            x = previousX;
            y = previousY;
        }

        while (x > 0 && y > 0)
        {
            reversed.Add(Op.Equal);
            x--;
            y--;
        }

        reversed.Reverse();
        return reversed;
    }

    /// <summary>Groups the changes into hunks with <see cref="Context"/> lines around them and writes them.</summary>
    private static void AppendHunks(StringBuilder builder, List<Op> ops, string[] a, string[] b, bool aEndsWithBreak, bool bEndsWithBreak)
    {
        var aBefore = new int[ops.Count + 1];
        var bBefore = new int[ops.Count + 1];
        for (int i = 0; i < ops.Count; i++)
        {
            aBefore[i + 1] = aBefore[i] + (ops[i] == Op.Insert ? 0 : 1);
            bBefore[i + 1] = bBefore[i] + (ops[i] == Op.Delete ? 0 : 1);
        }

        int index = 0;
        while (index < ops.Count)
        {
            while (index < ops.Count && ops[index] == Op.Equal) index++;
            if (index == ops.Count) break;
            int start = Math.Max(0, index - Context);
            int lastChange = index;
            int scan = index;
            // Changes with at most twice the context between them share a hunk, whose contexts would otherwise touch.
            while (scan < ops.Count && scan <= lastChange + 2 * Context + 1)
            {
                if (ops[scan] != Op.Equal) lastChange = scan;
                scan++;
            }

            int end = Math.Min(ops.Count, lastChange + 1 + Context);
            int aCount = aBefore[end] - aBefore[start];
            int bCount = bBefore[end] - bBefore[start];
            builder.Append("@@ -").Append(Range(aBefore[start], aCount)).Append(" +").Append(Range(bBefore[start], bCount)).Append(" @@\n");
            for (int i = start; i < end; i++)
            {
                switch (ops[i])
                {
                    case Op.Equal:
                        AppendLine(builder, ' ', a, aBefore[i], aEndsWithBreak);
                        break;
                    case Op.Delete:
                        AppendLine(builder, '-', a, aBefore[i], aEndsWithBreak);
                        break;
                    default:
                        AppendLine(builder, '+', b, bBefore[i], bEndsWithBreak);
                        break;
                }
            }

            index = end;
        }
    }

    /// <summary><c>start,count</c> with a 1-based start; an empty range names the line before it, as diff does.</summary>
    private static string Range(int linesBefore, int count) => count == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{linesBefore},0")
        : string.Create(CultureInfo.InvariantCulture, $"{linesBefore + 1},{count}");

    private static void AppendLine(StringBuilder builder, char marker, string[] lines, int index, bool endsWithBreak)
    {
        builder.Append(marker).Append(lines[index]).Append('\n');
        if (index == lines.Length - 1 && !endsWithBreak) builder.Append("\\ No newline at end of file\n");
    }
}
