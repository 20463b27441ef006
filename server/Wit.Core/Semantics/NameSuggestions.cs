using System;
using System.Collections.Generic;
using System.Linq;

namespace Wit.Core.Semantics;

/// <summary>
/// Name similarity, for "did you mean" fixes and for "not found" messages that show the closest few names rather
/// than every candidate (a large package has thousands).
/// </summary>
public static class NameSuggestions
{
    /// <summary>How many names a "not found" message shows.</summary>
    public const int ShownInMessages = 5;

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

    /// <summary>The <paramref name="count"/> distinct candidates closest to <paramref name="typed"/>, closest first (ties by name).</summary>
    public static IReadOnlyList<string> Closest(string typed, IEnumerable<string> candidates, int count) =>
        candidates.Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Distance: Between(typed, WithoutFunctionPrefix(c))))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(count).Select(c => c.Name).ToList();

    // Resource functions are keyed `[method]r.f`; the user types `r.f`.
    private static string WithoutFunctionPrefix(string name) =>
        name.Length > 0 && name[0] == '[' && name.IndexOf(']') is > 0 and var end ? name.Substring(end + 1) : name;

    /// <summary>
    /// The tail of a "not found" message: <c> (it has none)</c>, <c> (available: a, b)</c> when there are few, or the
    /// closest few and how many there are in all, <c> (closest: a, b, c, d, e; 389 in all)</c>.
    /// </summary>
    public static string AvailableText(string typed, IEnumerable<string> candidates)
    {
        var all = candidates.Distinct(StringComparer.Ordinal).ToList();
        if (all.Count == 0) return " (it has none)";
        if (all.Count <= ShownInMessages) return $" (available: {string.Join(", ", all)})";
        return $" (closest: {string.Join(", ", Closest(typed, all, ShownInMessages))}; {all.Count} in all)";
    }
}
