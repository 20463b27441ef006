using System;

using Wit.Core.Semantics;

namespace Wit.Ide.CodeActions;

/// <summary>Name similarity for "did you mean" fixes.</summary>
internal static class EditDistance
{
    /// <summary>The optimal-string-alignment distance (insertions, deletions, substitutions, adjacent swaps).</summary>
    public static int Between(string a, string b) => NameSuggestions.Between(a, b);

    /// <summary>Close enough to suggest: distance at most 2 (at most 1 for very short names), or equal after kebab-casing.</summary>
    public static bool IsClose(string typed, string candidate)
    {
        if (typed == candidate) return false;
        if (KebabCase.Convert(typed) == candidate) return true;
        int limit = Math.Min(2, Math.Max(1, Math.Min(typed.Length, candidate.Length) / 3));
        return Math.Abs(typed.Length - candidate.Length) <= limit && Between(typed, candidate) <= limit;
    }
}
