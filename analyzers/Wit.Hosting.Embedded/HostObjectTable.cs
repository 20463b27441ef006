using System.Collections.Generic;
using Wit.Runtime;

namespace Wit.Hosting.Embedded;

/// <summary>
/// The host's objects that cross into a component as resource handles: each is a rep (its index + 1) for as long as the
/// component may hold it; an object already in the table keeps its rep (a borrow and an own of it agree).
/// </summary>
internal sealed class HostObjectTable
{
    private readonly List<object?> _objects = new();
    private readonly Dictionary<object, uint> _reps = new(ReferenceEqualityComparer.Instance);
    private readonly Stack<int> _free = new();

    public uint Add(object value)
    {
        if (_reps.TryGetValue(value, out uint known)) return known;
        int index;
        if (_free.Count > 0)
        {
            index = _free.Pop();
            _objects[index] = value;
        }
        else
        {
            index = _objects.Count;
            _objects.Add(value);
        }

        uint rep = (uint)index + 1;
        _reps[value] = rep;
        return rep;
    }

    public object Get(uint rep) =>
        rep >= 1 && rep <= _objects.Count && _objects[(int)rep - 1] is { } value
            ? value
            : throw new WasmException(WasmErrorKind.Trap, -1, $"no host object has rep {rep}");

    /// <summary>The object of an owned handle that leaves the component for the host: no longer in the table.</summary>
    public object Take(uint rep)
    {
        var value = Get(rep);
        _objects[(int)rep - 1] = null;
        _reps.Remove(value);
        _free.Push((int)rep - 1);
        return value;
    }

    /// <summary>The object of a handle the component dropped, or null when none has that rep.</summary>
    public object? Remove(uint rep) => rep >= 1 && rep <= _objects.Count && _objects[(int)rep - 1] is not null ? Take(rep) : null;
}
