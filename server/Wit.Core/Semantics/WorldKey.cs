using System;

namespace Wit.Core.Semantics;

/// <summary>How a world import or export is named: by a plain name, or by the interface it is.</summary>
public readonly struct WorldKey : IEquatable<WorldKey>
{
    private WorldKey(string? name, Interface? @interface)
    {
        Name = name;
        Interface = @interface;
    }

    public static WorldKey Named(string name) => new(name, null);

    public static WorldKey Of(Interface @interface) => new(null, @interface);

    public string? Name { get; }

    public Interface? Interface { get; }

    public bool Equals(WorldKey other) => Name == other.Name && ReferenceEquals(Interface, other.Interface);

    public override bool Equals(object? obj) => obj is WorldKey other && Equals(other);

    public override int GetHashCode() => Name?.GetHashCode() ?? Interface!.GetHashCode();

    public override string ToString() => Name ?? Interface!.ToString();
}
