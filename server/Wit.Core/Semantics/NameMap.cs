using System.Collections;
using System.Collections.Generic;

namespace Wit.Core.Semantics;

/// <summary>A map from names to values that keeps insertion order, as wit-parser's index maps do (the JSON depends on it).</summary>
public sealed class NameMap<T> : IEnumerable<KeyValuePair<string, T>>
{
    private readonly List<KeyValuePair<string, T>> _entries = new();
    private readonly Dictionary<string, int> _index = new();

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

    /// <summary>Adds or replaces; a replaced entry keeps its position.</summary>
    public void Set(string name, T value)
    {
        if (_index.TryGetValue(name, out int i)) _entries[i] = new KeyValuePair<string, T>(name, value);
        else
        {
            _index[name] = _entries.Count;
            _entries.Add(new KeyValuePair<string, T>(name, value));
        }
    }

    public bool Remove(string name)
    {
        if (!_index.TryGetValue(name, out int i)) return false;
        _entries.RemoveAt(i);
        _index.Remove(name);
        for (int j = i; j < _entries.Count; j++) _index[_entries[j].Key] = j;
        return true;
    }

    public IEnumerator<KeyValuePair<string, T>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
