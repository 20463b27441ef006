namespace Wit.Core.Semantics;

/// <summary>The gate of an item: none, <c>@since</c> (optionally <c>@deprecated</c>), or <c>@unstable</c>.</summary>
public sealed class Stability
{
    public static readonly Stability Unknown = new(null, null, null);

    public Stability(string? since, string? feature, string? deprecated)
    {
        Since = since;
        Feature = feature;
        Deprecated = deprecated;
    }

    /// <summary>The version of <c>@since</c>, for a stable item.</summary>
    public string? Since { get; }

    /// <summary>The feature of <c>@unstable</c>, for an unstable item.</summary>
    public string? Feature { get; }

    /// <summary>The version of <c>@deprecated</c>, if any.</summary>
    public string? Deprecated { get; }

    public bool IsUnknown => Since is null && Feature is null && Deprecated is null;

    public bool IsUnstable => Feature is not null;

    /// <summary>Whether both gates are the same (wit-parser compares every field).</summary>
    public bool SameAs(Stability other) => Since == other.Since && Feature == other.Feature && Deprecated == other.Deprecated;

    /// <summary>The gate as wit-parser's messages print it (Rust's <c>Debug</c> of its <c>Stability</c>).</summary>
    public string ToRustDebug()
    {
        if (Feature is not null) return $"Unstable {{ feature: \"{Feature}\", deprecated: {OptionalVersion(Deprecated)} }}";
        if (Since is not null) return $"Stable {{ since: {VersionDebug(Since)}, deprecated: {OptionalVersion(Deprecated)} }}";
        return "Unknown";
    }

    private static string OptionalVersion(string? version) => version is null ? "None" : $"Some({VersionDebug(version)})";

    /// <summary>semver's <c>Debug</c> of a version: the numbers, then the pre-release and build parts when present.</summary>
    private static string VersionDebug(string version)
    {
        int plus = version.IndexOf('+');
        string build = plus < 0 ? string.Empty : version.Substring(plus + 1);
        string core = plus < 0 ? version : version.Substring(0, plus);
        int dash = core.IndexOf('-');
        string pre = dash < 0 ? string.Empty : core.Substring(dash + 1);
        var numbers = (dash < 0 ? core : core.Substring(0, dash)).Split('.');
        string Part(int i) => i < numbers.Length ? numbers[i] : "0";
        string text = $"Version {{ major: {Part(0)}, minor: {Part(1)}, patch: {Part(2)}";
        if (pre.Length > 0) text += $", pre: Prerelease(\"{pre}\")";
        if (build.Length > 0) text += $", build: BuildMetadata(\"{build}\")";
        return text + " }";
    }
}
