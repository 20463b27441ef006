using System.Collections.Generic;
using System.Linq;

namespace Wit.Core.Diff;

/// <summary>The changes between two versions of a package and whether the version bump covers them.</summary>
public sealed class DiffResult
{
    internal DiffResult(IReadOnlyList<ApiChange> changes, string? oldVersion, string? newVersion)
    {
        Changes = changes;
        OldVersion = oldVersion;
        NewVersion = newVersion;
        Bump = SemverBump.Classify(oldVersion, newVersion);
        RequiredBump = HasBreakingChanges ? SemverBump.RequiredForBreaking(oldVersion) : VersionBump.None;
        IsBumpSufficient = !HasBreakingChanges || SemverBump.Satisfies(Bump, RequiredBump);
    }

    /// <summary>Every change, in the order the packages declare the items.</summary>
    public IReadOnlyList<ApiChange> Changes { get; }

    /// <summary>The old package's version, if any.</summary>
    public string? OldVersion { get; }

    /// <summary>The new package's version, if any.</summary>
    public string? NewVersion { get; }

    /// <summary>How the version changed.</summary>
    public VersionBump Bump { get; }

    /// <summary>
    /// The bump the breaking changes need: <see cref="VersionBump.Major"/> from 1.0 on, <see cref="VersionBump.Minor"/>
    /// for <c>0.x</c> (x &gt; 0), <see cref="VersionBump.Patch"/> for <c>0.0.x</c>; <see cref="VersionBump.None"/>
    /// without breaking changes.
    /// </summary>
    public VersionBump RequiredBump { get; }

    /// <summary>True when there are no breaking changes or the version bump covers them (an unknown bump never does).</summary>
    public bool IsBumpSufficient { get; }

    /// <summary>True when at least one change is breaking.</summary>
    public bool HasBreakingChanges => Changes.Any(c => c.Kind == ApiChangeKind.Breaking);
}
