using System;

namespace Wit.Core.Semantics;

/// <summary>
/// Semver precedence for valid version strings (build metadata ignored), read in place: the resolver compares each
/// gated item's <c>@since</c> version with its package's, and a string per part made that a tenth of its allocations.
/// </summary>
internal static class VersionComparer
{
    public static int Compare(string a, string b)
    {
        int endA = End(a), endB = End(b);
        int dashA = a.IndexOf('-', 0, endA), dashB = b.IndexOf('-', 0, endB);
        int coreEndA = dashA >= 0 ? dashA : endA, coreEndB = dashB >= 0 ? dashB : endB;

        // Major, minor and patch; a missing one reads as 0.
        int positionA = 0, positionB = 0;
        for (int i = 0; i < 3; i++)
        {
            var partA = Next(a, ref positionA, coreEndA);
            var partB = Next(b, ref positionB, coreEndB);
            int c = CompareNumeric(a, partA.Start, partA.Length, b, partB.Start, partB.Length);
            if (c != 0) return c;
        }

        if (dashA < 0) return dashB < 0 ? 0 : 1;
        if (dashB < 0) return -1;

        // Pre-release identifiers, one by one; a longer list ranks above its prefix.
        positionA = dashA + 1;
        positionB = dashB + 1;
        while (true)
        {
            bool moreA = positionA <= endA, moreB = positionB <= endB;
            if (!moreA || !moreB) return moreA == moreB ? 0 : moreA ? 1 : -1;
            var partA = Next(a, ref positionA, endA);
            var partB = Next(b, ref positionB, endB);
            bool numA = IsNumeric(a, partA.Start, partA.Length), numB = IsNumeric(b, partB.Start, partB.Length);
            int c = numA && numB ? CompareNumeric(a, partA.Start, partA.Length, b, partB.Start, partB.Length)
                : numA ? -1 : numB ? 1 : CompareOrdinal(a, partA.Start, partA.Length, b, partB.Start, partB.Length);
            if (c != 0) return c;
        }
    }

    /// <summary>Where the version ends: before its build metadata, if any.</summary>
    private static int End(string version)
    {
        int plus = version.IndexOf('+');
        return plus >= 0 ? plus : version.Length;
    }

    /// <summary>
    /// The dot-separated part at <paramref name="position"/>, which moves past it and its dot (to past
    /// <paramref name="end"/> after the last part); an empty part where nothing is left.
    /// </summary>
    private static (int Start, int Length) Next(string text, ref int position, int end)
    {
        if (position > end) return (end, 0);
        int dot = text.IndexOf('.', position, end - position);
        int stop = dot >= 0 ? dot : end;
        var part = (position, stop - position);
        position = stop + 1;
        return part;
    }

    private static bool IsNumeric(string text, int start, int length)
    {
        if (length == 0) return false;
        for (int i = start; i < start + length; i++)
        {
            if (text[i] < '0' || text[i] > '9') return false;
        }

        return true;
    }

    /// <summary>Two runs of digits by value, of any length: without leading zeros, the longer is larger.</summary>
    private static int CompareNumeric(string a, int startA, int lengthA, string b, int startB, int lengthB)
    {
        while (lengthA > 0 && a[startA] == '0') (startA, lengthA) = (startA + 1, lengthA - 1);
        while (lengthB > 0 && b[startB] == '0') (startB, lengthB) = (startB + 1, lengthB - 1);
        return lengthA != lengthB ? lengthA.CompareTo(lengthB) : CompareOrdinal(a, startA, lengthA, b, startB, lengthB);
    }

    private static int CompareOrdinal(string a, int startA, int lengthA, string b, int startB, int lengthB)
    {
        int c = string.CompareOrdinal(a, startA, b, startB, Math.Min(lengthA, lengthB));
        return c != 0 ? c : lengthA.CompareTo(lengthB);
    }
}
