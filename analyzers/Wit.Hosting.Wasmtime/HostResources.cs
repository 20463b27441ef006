using System;
using System.Collections.Generic;

namespace Wit.Hosting.Wasmtime;

/// <summary>
/// The host's resources of one instance: each defined resource type gets a number (the C API's host resource type),
/// each host object handed to the component a rep (its index here). A component's drop of an owned handle disposes
/// the object; an owned handle the component gives back leaves the table (the host owns the object again).
/// </summary>
internal sealed class HostResources
{
    private readonly List<string> _types = new();
    private readonly Dictionary<uint, (object Value, uint Type)> _objects = new();
    private readonly Dictionary<(object Value, uint Type), uint> _borrowed = new(new IdentityComparer());
    private uint _next;

    public IReadOnlyList<string> Types => _types;

    /// <summary>The number of the resource type <paramref name="name"/> (<c>instance#resource</c>), defined on first use.</summary>
    public uint Define(string name)
    {
        int index = _types.IndexOf(name);
        if (index >= 0) return (uint)index;
        _types.Add(name);
        return (uint)(_types.Count - 1);
    }

    public uint TypeOf(string name)
    {
        int index = _types.IndexOf(name);
        return index >= 0 ? (uint)index : throw new InvalidOperationException($"The resource `{name}` is not defined on the linker.");
    }

    /// <summary>A new rep for <paramref name="value"/>, which the component will own.</summary>
    public uint Add(object value, uint type)
    {
        uint rep = _next++;
        _objects[rep] = (value, type);
        return rep;
    }

    /// <summary>The rep of <paramref name="value"/> lent for a call: the one it has, or a new one kept for later loans.</summary>
    public uint Lend(object value, uint type)
    {
        if (_borrowed.TryGetValue((value, type), out uint rep) && _objects.ContainsKey(rep)) return rep;
        rep = Add(value, type);
        _borrowed[(value, type)] = rep;
        return rep;
    }

    public object Get(uint rep, uint type) =>
        _objects.TryGetValue(rep, out var entry) && entry.Type == type ? entry.Value
            : throw new InvalidOperationException($"No host object of resource `{_types[(int)type]}` has handle {rep}.");

    /// <summary>Takes <paramref name="rep"/>'s object out of the table (its owner is the host again, or it is being dropped).</summary>
    public object Remove(uint rep, uint type)
    {
        object value = Get(rep, type);
        _objects.Remove(rep);
        _borrowed.Remove((value, type));
        return value;
    }

    private sealed class IdentityComparer : IEqualityComparer<(object Value, uint Type)>
    {
        public bool Equals((object Value, uint Type) x, (object Value, uint Type) y) => ReferenceEquals(x.Value, y.Value) && x.Type == y.Type;

        public int GetHashCode((object Value, uint Type) obj) => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Value), obj.Type);
    }
}
