using Wit.Core.Semantics;

namespace Wit.Core.Diff;

/// <summary>One difference between two versions of a package's API.</summary>
public sealed class ApiChange
{
    /// <summary>Creates a change.</summary>
    public ApiChange(ApiChangeKind kind, string path, string description, SourceLocation? oldLocation = null, SourceLocation? newLocation = null)
    {
        Kind = kind;
        Path = path;
        Description = description;
        OldLocation = oldLocation;
        NewLocation = newLocation;
    }

    /// <summary>Breaking, compatible or a warning.</summary>
    public ApiChangeKind Kind { get; }

    /// <summary>What changed, e.g. <c>iface.func</c>, <c>iface.rec.field</c> or <c>world w import x</c>.</summary>
    public string Path { get; }

    /// <summary>A sentence fragment saying what changed, e.g. <c>parameter `x` changed type from u32 to u64</c>.</summary>
    public string Description { get; }

    /// <summary>Where the item is in the old package, when it exists there.</summary>
    public SourceLocation? OldLocation { get; }

    /// <summary>Where the item is in the new package, when it exists there.</summary>
    public SourceLocation? NewLocation { get; }

    /// <summary>E.g. <c>breaking: iface.f: function removed</c>.</summary>
    public override string ToString() => $"{KindName(Kind)}: {Path}: {Description}";

    /// <summary>The lower-case name of a kind: <c>breaking</c>, <c>compatible</c>, <c>warning</c>.</summary>
    public static string KindName(ApiChangeKind kind) => kind switch
    {
        ApiChangeKind.Breaking => "breaking",
        ApiChangeKind.Compatible => "compatible",
        _ => "warning",
    };
}
