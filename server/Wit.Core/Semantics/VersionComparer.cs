using System;

namespace Wit.Core.Semantics;

/// <summary>Semver precedence for valid version strings (build metadata ignored).</summary>
internal static class VersionComparer
{
    public static int Compare(string a, string b)
    {
        Split(a, out var coreA, out var preA);
        Split(b, out var coreB, out var preB);
        for (int i = 0; i < 3; i++)
        {
            int c = CompareNumeric(i < coreA.Length ? coreA[i] : "0", i < coreB.Length ? coreB[i] : "0");
            if (c != 0) return c;
        }

        if (preA is null) return preB is null ? 0 : 1;
        if (preB is null) return -1;
        var partsA = preA.Split('.');
        var partsB = preB.Split('.');
        for (int i = 0; i < Math.Min(partsA.Length, partsB.Length); i++)
        {
            bool numA = IsNumeric(partsA[i]), numB = IsNumeric(partsB[i]);
            int c = numA && numB ? CompareNumeric(partsA[i], partsB[i]) : numA ? -1 : numB ? 1 : string.CompareOrdinal(partsA[i], partsB[i]);
            if (c != 0) return c;
        }

        return partsA.Length.CompareTo(partsB.Length);
    }

    private static void Split(string version, out string[] core, out string? pre)
    {
        int plus = version.IndexOf('+');
        if (plus >= 0) version = version.Substring(0, plus);
        int minus = version.IndexOf('-');
        pre = minus >= 0 ? version.Substring(minus + 1) : null;
        core = (minus >= 0 ? version.Substring(0, minus) : version).Split('.');
    }

    private static bool IsNumeric(string s)
    {
        if (s.Length == 0) return false;
        foreach (char c in s)
        {
            if (c < '0' || c > '9') return false;
        }

        return true;
    }

    private static int CompareNumeric(string a, string b)
    {
        a = a.TrimStart('0');
        b = b.TrimStart('0');
        return a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
    }
}
