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
}
