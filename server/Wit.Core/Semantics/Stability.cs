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

    internal bool SameAs(Stability other) => Since == other.Since && Feature == other.Feature && Deprecated == other.Deprecated;

    /// <summary>wit-parser's <c>{:?}</c> of a stability, as its "mismatch in stability" message shows it.</summary>
    internal string ToDebugString()
    {
        string deprecated = Deprecated is null ? "None" : $"Some({VersionDebug(Deprecated)})";
        if (Feature is not null) return $"Unstable {{ feature: \"{Feature}\", deprecated: {deprecated} }}";
        if (Since is not null) return $"Stable {{ since: {VersionDebug(Since)}, deprecated: {deprecated} }}";
        return "Unknown";
    }

    /// <summary>The semver crate's <c>Debug</c> of a version: pre-release and build metadata only when present.</summary>
    private static string VersionDebug(string version)
    {
        int plus = version.IndexOf('+');
        string build = plus < 0 ? "" : version.Substring(plus + 1);
        string core = plus < 0 ? version : version.Substring(0, plus);
        int dash = core.IndexOf('-');
        string pre = dash < 0 ? "" : core.Substring(dash + 1);
        string[] parts = (dash < 0 ? core : core.Substring(0, dash)).Split('.');
        string Part(int i) => i < parts.Length ? parts[i] : "0";
        var text = new System.Text.StringBuilder($"Version {{ major: {Part(0)}, minor: {Part(1)}, patch: {Part(2)}");
        if (pre.Length > 0) text.Append($", pre: Prerelease(\"{pre}\")");
        if (build.Length > 0) text.Append($", build: BuildMetadata(\"{build}\")");
        return text.Append(" }").ToString();
    }
}
