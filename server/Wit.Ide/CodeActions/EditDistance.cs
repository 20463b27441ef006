using System;

namespace Wit.Ide.CodeActions;

/// <summary>Name similarity for "did you mean" fixes.</summary>
internal static class EditDistance
{
    /// <summary>The optimal-string-alignment distance (insertions, deletions, substitutions, adjacent swaps).</summary>
    public static int Between(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>Close enough to suggest: distance at most 2 (at most 1 for very short names), or equal after kebab-casing.</summary>
    public static bool IsClose(string typed, string candidate)
    {
        if (typed == candidate) return false;
        if (KebabCase.Convert(typed) == candidate) return true;
        int limit = Math.Min(2, Math.Max(1, Math.Min(typed.Length, candidate.Length) / 3));
        return Math.Abs(typed.Length - candidate.Length) <= limit && Between(typed, candidate) <= limit;
    }
}
