using System.Globalization;

namespace Wit.Core.Diff;

/// <summary>Semver arithmetic for <see cref="DiffResult"/>.</summary>
internal static class SemverBump
{
    public static VersionBump Classify(string? oldVersion, string? newVersion)
    {
        if (!TryParse(oldVersion, out var a) || !TryParse(newVersion, out var b)) return VersionBump.Unknown;
        if (b.Major != a.Major) return b.Major > a.Major ? VersionBump.Major : VersionBump.Downgrade;
        if (b.Minor != a.Minor) return b.Minor > a.Minor ? VersionBump.Minor : VersionBump.Downgrade;
        if (b.Patch != a.Patch) return b.Patch > a.Patch ? VersionBump.Patch : VersionBump.Downgrade;
        int pre = Semantics.VersionComparer.Compare(oldVersion!, newVersion!);
        return pre < 0 ? VersionBump.Patch : pre > 0 ? VersionBump.Downgrade : VersionBump.None;
    }

    public static VersionBump RequiredForBreaking(string? oldVersion)
    {
        if (!TryParse(oldVersion, out var v)) return VersionBump.Major;
        if (v.Major > 0) return VersionBump.Major;
        return v.Minor > 0 ? VersionBump.Minor : VersionBump.Patch;
    }

    public static bool Satisfies(VersionBump actual, VersionBump required) =>
        actual is not VersionBump.Unknown and not VersionBump.Downgrade && actual >= required;

    private static bool TryParse(string? version, out (long Major, long Minor, long Patch) parsed)
    {
        parsed = default;
        if (version is null) return false;
        string core = version;
        int cut = core.IndexOfAny(new[] { '-', '+' });
        if (cut >= 0) core = core.Substring(0, cut);
        var parts = core.Split('.');
        if (parts.Length != 3) return false;
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long major)) return false;
        if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long minor)) return false;
        if (!long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long patch)) return false;
        parsed = (major, minor, patch);
        return true;
    }
}
