using System;
using System.Collections.Generic;
using Wit.Runtime.Canonical;

namespace Wit.Runtime.Wasi.Preview2;

/// <summary>
/// The host's objects behind one WASI resource type, by rep (what the component's handles carry). Reps start at 1 and
/// are not reused while the table lives, so a stale rep names nothing instead of another object.
/// </summary>
internal sealed class HostTable<T> where T : class
{
    private readonly Dictionary<uint, T> _items = new();
    private readonly string _name;
    private uint _next = 1;

    public HostTable(string name) => _name = name;

    public int Count => _items.Count;

    public uint Add(T item)
    {
        if (_next == uint.MaxValue) throw new WasmException(WasmErrorKind.Limit, -1, $"too many {_name} resources created");
        uint rep = _next++;
        _items.Add(rep, item);
        return rep;
    }

    /// <summary>A new own handle's value for <paramref name="item"/>.</summary>
    public ComponentValue Own(T item) => ComponentValue.Own(Add(item));

    /// <summary>The object behind a handle argument (own or borrow); a rep the table does not hold traps.</summary>
    public T Get(ComponentValue handle)
    {
        if (handle.Kind is not (ComponentValueKind.Own or ComponentValueKind.Borrow) || handle.Bits > uint.MaxValue
            || !_items.TryGetValue((uint)handle.Bits, out var item))
        {
            throw new WasmException(WasmErrorKind.Trap, -1, $"{handle} is not a live {_name}");
        }

        return item;
    }

    /// <summary>The reps in use, as a snapshot.</summary>
    public List<uint> Reps() => new(_items.Keys);

    /// <summary>The resource's destructor: forgets the rep and disposes the object.</summary>
    public void Drop(uint rep)
    {
        if (_items.Remove(rep, out var item)) (item as IDisposable)?.Dispose();
    }
}
