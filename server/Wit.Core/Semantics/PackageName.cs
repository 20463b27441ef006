using System;

namespace Wit.Core.Semantics;

/// <summary><c>namespace:name@version</c>, the identity of a package.</summary>
public sealed class PackageName : IEquatable<PackageName>
{
    private string? _text;

    public PackageName(string @namespace, string name, string? version)
    {
        Namespace = @namespace;
        Name = name;
        Version = version;
    }

    public string Namespace { get; }

    public string Name { get; }

    public string? Version { get; }

    /// <summary><c>ns:name</c> without the version.</summary>
    public string WithoutVersion => $"{Namespace}:{Name}";

    public bool Equals(PackageName? other) => other is not null && Namespace == other.Namespace && Name == other.Name && Version == other.Version;

    public override bool Equals(object? obj) => Equals(obj as PackageName);

    // Package names key the resolver's dictionaries and sets, so hashing must not build the display string.
    public override int GetHashCode()
    {
        unchecked
        {
            int hash = StringComparer.Ordinal.GetHashCode(Namespace);
            hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(Name);
            return (hash * 31) + (Version is null ? 0 : StringComparer.Ordinal.GetHashCode(Version));
        }
    }

    public override string ToString() => _text ??= Version is null ? WithoutVersion : $"{WithoutVersion}@{Version}";
}
