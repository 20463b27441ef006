using System.Collections;
using System.Collections.Generic;
#if NET
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
#endif

namespace Wit.Core.Semantics;

/// <summary>
/// A map from names to values that keeps insertion order, as wit-parser's index maps do (the JSON depends on it). On
/// .NET the entries in insertion order and an open-addressing table of their positions and hashes (linear probing,
/// filled at most to 11/16, 8 slots at first): a lookup reads one slot of the table, which holds part of the name's
/// hash, and then only an entry whose hash matches there, where a chained table (<see cref="OrderedDictionary{TKey,
/// TValue}"/>, used before) reads a bucket, then each entry of its chain. In a body of 250,000 names each of those
/// reads misses the caches: the chained table's lookups took twice as long each as with 25,000 names, half of the
/// 1,000,000-line file's check time that grows faster than the input (the anonymous types' set, now
/// <see cref="ShapeTable"/>, most of the rest). On .NET Standard (the analyzers, which may run where string hashes are
/// not randomized, so a probing table could be flooded by chosen names) a list of the entries and a dictionary of
/// their positions.
/// </summary>
public sealed class NameMap<T> : IEnumerable<KeyValuePair<string, T>>
{
#if NET
    private KeyValuePair<string, T>[] _entries = System.Array.Empty<KeyValuePair<string, T>>();

    /// <summary>
    /// The table, a power of two long, at least 16/11 of the entries': per slot, 0 when it is free, else its entry's
    /// position plus one in the low bits (as many as index the table: the position is below its length) and the name's
    /// hash in the others. The low bits of a hash choose its first slot, so the high ones stored tell most names apart
    /// without reading their entries. Four bytes a slot: in a body of 250,000 names, where each lookup waits for memory,
    /// half the table of eight-byte slots spent 18% less time in lookups (medians of three profiles each).
    /// </summary>
    private uint[] _slots = System.Array.Empty<uint>();

    /// <summary>
    /// Per slot of <see cref="_slots"/>, one byte: 0 when the slot is free, else the top seven bits of its name's hash
    /// with the high bit set. A lookup probes these first and reads a slot only where they match, so a name that is not
    /// there (a function's name asked of the types, a type's name on declaring it) reads a quarter as much memory: on
    /// the 1,000,000-line file the share of its check in <see cref="FindSlot"/> went from 7.1 and 9.0% to 6.4 and 6.9%
    /// (two profiles each, 2026-12-07).
    /// </summary>
    private byte[] _tags = System.Array.Empty<byte>();

    private int _count;

    /// <summary>Changes with each added or removed entry, so that an enumeration under way can tell.</summary>
    private int _version;
#else
    private readonly List<KeyValuePair<string, T>> _entries = new();
    private readonly Dictionary<string, int> _index = new();
#endif

#if NET
    public int Count => _count;
#else
    public int Count => _entries.Count;
#endif

    public IEnumerable<string> Keys
    {
        get
        {
            foreach (var entry in this) yield return entry.Key;
        }
    }

    public IEnumerable<T> Values
    {
        get
        {
            foreach (var entry in this) yield return entry.Value;
        }
    }

#if NET
    public bool ContainsKey(string name) => IndexOf(name) >= 0;

    public bool TryGetValue(string name, out T value) => TryGetValue(name, Hash(name), out value);

    /// <summary><see cref="TryGetValue(string, out T)"/> of a name whose <see cref="Hash"/> is known.</summary>
    internal bool TryGetValue(string name, uint hash, out T value)
    {
        int index = IndexOf(name, hash);
        if (index < 0)
        {
            value = default!;
            return false;
        }

        value = _entries[index].Value;
        return true;
    }

    /// <summary>Sets the value of <paramref name="name"/>: in its place when it is there, else last.</summary>
    public void Set(string name, T value)
    {
        uint hash = Hash(name);
        int slot = FindSlot(name, hash);
        int index = PositionAt(slot);
        if (index >= 0) _entries[index] = new KeyValuePair<string, T>(name, value);
        else Append(slot, hash, name, value);
    }

    /// <summary>Adds <paramref name="name"/> last unless it is there (one lookup); false when it was.</summary>
    internal bool TryAdd(string name, T value) => TryAdd(name, Hash(name), value);

    /// <summary><see cref="TryAdd(string, T)"/> of a name whose <see cref="Hash"/> is known.</summary>
    internal bool TryAdd(string name, uint hash, T value)
    {
        int slot = FindSlot(name, hash);
        if (_tags[slot] != 0) return false;
        Append(slot, hash, name, value);
        return true;
    }

    /// <summary>Removes <paramref name="name"/>; the entries after it keep their order.</summary>
    public bool Remove(string name)
    {
        int index = IndexOf(name);
        if (index < 0) return false;
        _count--;
        System.Array.Copy(_entries, index + 1, _entries, index, _count - index);
        _entries[_count] = default;
        _version++;

        // The entries after it moved: the table is built again (removal is rare; the ordered table shifts as much).
        Rehash(_slots.Length);
        return true;
    }

    /// <summary>
    /// Puts the entries in the order of <paramref name="values"/> (each named by <paramref name="nameOf"/>), when that
    /// is every value of the map once and the order differs; otherwise leaves the map as it is.
    /// </summary>
    internal void Reorder(IReadOnlyList<T> values, System.Func<T, string> nameOf)
    {
        if (values.Count != _count) return;
        bool same = true;
        for (int i = 0; i < _count && same; i++) same = ReferenceEquals(_entries[i].Value, values[i]);
        if (same) return;
        var entries = new KeyValuePair<string, T>[_entries.Length];
        for (int i = 0; i < values.Count; i++)
        {
            string name = nameOf(values[i]);
            if (!TryGetValue(name, out var value) || !ReferenceEquals(value, values[i])) return;
            entries[i] = new KeyValuePair<string, T>(name, values[i]);
        }

        _entries = entries;
        _version++;
        Rehash(_slots.Length);
    }

    /// <summary>Makes room for <paramref name="count"/> entries at once (a body's member count), so the table does not grow by doubling.</summary>
    internal void EnsureCapacity(int count)
    {
        if (count > _entries.Length) System.Array.Resize(ref _entries, count);
        if (count > MaximumCount(_slots.Length)) Rehash(TableLength(count));
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, T>> IEnumerable<KeyValuePair<string, T>>.GetEnumerator() => GetEnumerator();

    /// <summary>The entries in insertion order; adding or removing one while enumerating throws, as the ordered table did.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, T>>
    {
        private readonly NameMap<T> _map;
        private readonly int _version;
        private int _index;

        internal Enumerator(NameMap<T> map)
        {
            _map = map;
            _version = map._version;
            _index = -1;
        }

        public readonly KeyValuePair<string, T> Current => _map._entries[_index];

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_version != _map._version) throw new System.InvalidOperationException("the map changed while it was enumerated");
            return ++_index < _map._count;
        }

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }

    /// <summary>
    /// Starts reading the memory that a lookup of a name of <paramref name="hash"/> (<see cref="Hash"/>) reads first, its
    /// tag and its slot, and returns without waiting for it: a walk that knows which names it will look up a little
    /// later asks for them here, so that their cache misses overlap with its work instead of following one another.
    /// </summary>
    internal void Prefetch(uint hash)
    {
        var tags = _tags;
        if (tags.Length == 0) return;
        int slot = (int)(hash & (uint)(tags.Length - 1));
        PrefetchLine(ref tags[slot]);
        PrefetchLine(ref Unsafe.As<uint, byte>(ref _slots[slot]));
    }

    /// <summary>Asks the processor to bring the cache line holding <paramref name="at"/> in (nothing where it cannot be asked).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void PrefetchLine(ref byte at)
    {
        if (Sse.IsSupported) Sse.Prefetch0(Unsafe.AsPointer(ref at));
    }

    /// <summary>The name's hash: the process's randomized string hash, so that no input can choose names that collide (also what <see cref="Prefetch"/> takes).</summary>
    internal static uint Hash(string name) => (uint)name.GetHashCode();

    /// <summary>How many entries a table of <paramref name="length"/> slots holds at most (11/16 of them).</summary>
    private static int MaximumCount(int length) => (int)((long)length * 11 / 16);

    /// <summary>The smallest power of two that holds <paramref name="count"/> entries.</summary>
    private static int TableLength(int count)
    {
        int length = 8;
        while (MaximumCount(length) < count) length *= 2;
        return length;
    }

    /// <summary>The position of <paramref name="name"/>'s entry, or -1.</summary>
    private int IndexOf(string name) => IndexOf(name, Hash(name));

    /// <summary>The position of the entry of <paramref name="name"/>, whose hash is <paramref name="hash"/>, or -1.</summary>
    private int IndexOf(string name, uint hash) => _count == 0 ? -1 : PositionAt(FindSlot(name, hash));

    /// <summary>The position of the entry <paramref name="slot"/> holds, or -1 when it is free.</summary>
    private int PositionAt(int slot) => (int)(_slots[slot] & (uint)(_slots.Length - 1)) - 1;

    /// <summary>
    /// The slot that holds <paramref name="name"/>, or the free slot where it would go. The table must have a free slot
    /// (it is never fuller than 11/16) and a length, which <see cref="Append"/> and <see cref="EnsureCapacity"/> see to.
    /// </summary>
    private int FindSlot(string name, uint hash)
    {
        if (_slots.Length == 0) Rehash(8);
        var tags = _tags;
        uint mask = (uint)tags.Length - 1;
        byte tag = Tag(hash);
        int slot = (int)(hash & mask);
        while (true)
        {
            byte found = tags[slot];
            if (found == 0) return slot;
            if (found == tag)
            {
                uint value = _slots[slot];
                if (((value ^ hash) & ~mask) == 0)
                {
                    string key = _entries[(int)(value & mask) - 1].Key;
                    if (ReferenceEquals(key, name) || string.Equals(key, name)) return slot;
                }
            }

            slot = (int)((uint)(slot + 1) & mask);
        }
    }

    /// <summary>Adds the entry last, its position in the free <paramref name="slot"/> found for it.</summary>
    private void Append(int slot, uint hash, string name, T value)
    {
        if (_count == _entries.Length) System.Array.Resize(ref _entries, System.Math.Max(4, _count * 2));
        _entries[_count] = new KeyValuePair<string, T>(name, value);
        _count++;
        _version++;
        if (_count > MaximumCount(_slots.Length)) Rehash(_slots.Length * 2);
        else
        {
            _slots[slot] = Slot(hash, _count, _slots.Length);
            _tags[slot] = Tag(hash);
        }
    }

    /// <summary>Builds a table of <paramref name="length"/> slots for the entries there are.</summary>
    private void Rehash(int length)
    {
        var slots = new uint[length];
        var tags = new byte[length];
        int mask = length - 1;
        for (int i = 0; i < _count; i++)
        {
            uint hash = Hash(_entries[i].Key);
            int slot = (int)hash & mask;
            while (tags[slot] != 0) slot = (slot + 1) & mask;
            slots[slot] = Slot(hash, i + 1, length);
            tags[slot] = Tag(hash);
        }

        _slots = slots;
        _tags = tags;
    }

    /// <summary>A used slot's tag: the hash's top seven bits, with the high bit set so that it is never 0.</summary>
    private static byte Tag(uint hash) => (byte)((hash >> 25) | 0x80);

    /// <summary>A slot's value: <paramref name="positionPlusOne"/> (below <paramref name="length"/>) in the bits that index the table, the hash's other bits above.</summary>
    private static uint Slot(uint hash, int positionPlusOne, int length) => (hash & ~((uint)length - 1)) | (uint)positionPlusOne;
#else
    public bool ContainsKey(string name) => _index.ContainsKey(name);

    public bool TryGetValue(string name, out T value)
    {
        if (_index.TryGetValue(name, out int i))
        {
            value = _entries[i].Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Sets the value of <paramref name="name"/>: in its place when it is there, else last.</summary>
    public void Set(string name, T value)
    {
        if (_index.TryGetValue(name, out int i)) _entries[i] = new KeyValuePair<string, T>(name, value);
        else
        {
            _index[name] = _entries.Count;
            _entries.Add(new KeyValuePair<string, T>(name, value));
        }
    }

    // The dictionary hashes names itself: the hash-taking overloads ignore theirs, and there is no table to prefetch.
    internal bool TryGetValue(string name, uint hash, out T value) => TryGetValue(name, out value);

    internal bool TryAdd(string name, uint hash, T value) => TryAdd(name, value);

    /// <summary>Adds <paramref name="name"/> last unless it is there; false when it was.</summary>
    internal bool TryAdd(string name, T value)
    {
        if (_index.ContainsKey(name)) return false;
        _index[name] = _entries.Count;
        _entries.Add(new KeyValuePair<string, T>(name, value));
        return true;
    }

    /// <summary>Removes <paramref name="name"/>; the entries after it keep their order.</summary>
    public bool Remove(string name)
    {
        if (!_index.TryGetValue(name, out int i)) return false;
        _entries.RemoveAt(i);
        _index.Remove(name);
        for (int j = i; j < _entries.Count; j++) _index[_entries[j].Key] = j;
        return true;
    }

    /// <summary>Puts the entries in the order of <paramref name="values"/> (see the other build's).</summary>
    internal void Reorder(IReadOnlyList<T> values, System.Func<T, string> nameOf)
    {
        if (values.Count != _entries.Count) return;
        var entries = new List<KeyValuePair<string, T>>(values.Count);
        foreach (var value in values)
        {
            string name = nameOf(value);
            if (!TryGetValue(name, out var existing) || !ReferenceEquals(existing, value)) return;
            entries.Add(new KeyValuePair<string, T>(name, value));
        }

        _entries.Clear();
        _entries.AddRange(entries);
        for (int i = 0; i < _entries.Count; i++) _index[_entries[i].Key] = i;
    }

    /// <summary>Makes room for <paramref name="count"/> entries at once (a body's member count), so the table does not grow by doubling.</summary>
    internal void EnsureCapacity(int count)
    {
        if (_entries.Capacity < count) _entries.Capacity = count;
    }

    internal static uint Hash(string name) => 0;

    internal void Prefetch(uint hash)
    {
    }

    public IEnumerator<KeyValuePair<string, T>> GetEnumerator() => _entries.GetEnumerator();
#endif

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
