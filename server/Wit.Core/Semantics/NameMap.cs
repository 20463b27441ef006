using System.Collections;
using System.Collections.Generic;

namespace Wit.Core.Semantics;

/// <summary>
/// A map from names to values that keeps insertion order, as wit-parser's index maps do (the JSON depends on it). On
/// .NET one ordered table (28 bytes an entry); on .NET Standard a list of the entries and an index of their positions
/// (44 bytes an entry, and twice the garbage while they grow).
/// </summary>
public sealed class NameMap<T> : IEnumerable<KeyValuePair<string, T>>
{
#if NET
    private readonly OrderedDictionary<string, T> _entries = new();
#else
    private readonly List<KeyValuePair<string, T>> _entries = new();
    private readonly Dictionary<string, int> _index = new();
#endif

    public int Count => _entries.Count;

    public IEnumerable<string> Keys
    {
        get
        {
            foreach (var entry in _entries) yield return entry.Key;
        }
    }

    public IEnumerable<T> Values
    {
        get
        {
            foreach (var entry in _entries) yield return entry.Value;
        }
    }

#if NET
    public bool ContainsKey(string name) => _entries.ContainsKey(name);

    public bool TryGetValue(string name, out T value) => _entries.TryGetValue(name, out value!);

    /// <summary>Sets the value of <paramref name="name"/>: in its place when it is there, else last.</summary>
    public void Set(string name, T value) => _entries[name] = value;

    /// <summary>Adds <paramref name="name"/> last unless it is there (one lookup); false when it was.</summary>
    internal bool TryAdd(string name, T value) => _entries.TryAdd(name, value);

    /// <summary>Removes <paramref name="name"/>; the entries after it keep their order.</summary>
    public bool Remove(string name) => _entries.Remove(name);

    /// <summary>Makes room for <paramref name="count"/> entries at once (a body's member count), so the table does not grow by doubling.</summary>
    internal void EnsureCapacity(int count) => _entries.EnsureCapacity(count);

    public IEnumerator<KeyValuePair<string, T>> GetEnumerator() => _entries.GetEnumerator();
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

    /// <summary>Makes room for <paramref name="count"/> entries at once (a body's member count), so the table does not grow by doubling.</summary>
    internal void EnsureCapacity(int count)
    {
        if (_entries.Capacity < count) _entries.Capacity = count;
    }

    public IEnumerator<KeyValuePair<string, T>> GetEnumerator() => _entries.GetEnumerator();
#endif

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
