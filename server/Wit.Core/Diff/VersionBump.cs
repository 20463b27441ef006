namespace Wit.Core.Diff;

/// <summary>How the package version changed between the old and the new package.</summary>
public enum VersionBump
{
    /// <summary>One or both packages have no version (or an unparsable one).</summary>
    Unknown,

    /// <summary>The new version is lower than the old one.</summary>
    Downgrade,

    /// <summary>Same version (prerelease and build metadata ignored).</summary>
    None,

    /// <summary>Only the patch number (or the prerelease) went up.</summary>
    Patch,

    /// <summary>The minor number went up, the major number is the same.</summary>
    Minor,

    /// <summary>The major number went up.</summary>
    Major,
}
