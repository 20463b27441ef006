using System;

namespace Wit.Core.Semantics;

/// <summary><c>namespace:name@version</c>, the identity of a package.</summary>
public sealed class PackageName : IEquatable<PackageName>
{
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

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    public override string ToString() => Version is null ? WithoutVersion : $"{WithoutVersion}@{Version}";
}
