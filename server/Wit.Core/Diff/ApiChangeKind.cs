namespace Wit.Core.Diff;

/// <summary>How an <see cref="ApiChange"/> affects users of a package under semver.</summary>
public enum ApiChangeKind
{
    /// <summary>Existing users can break: needs a major version bump (a minor one for <c>0.x</c>).</summary>
    Breaking,

    /// <summary>Existing users keep working (an addition).</summary>
    Compatible,

    /// <summary>Not a compatibility problem, but something to fix, e.g. a new item that lacks its <c>@since</c> gate.</summary>
    Warning,
}
