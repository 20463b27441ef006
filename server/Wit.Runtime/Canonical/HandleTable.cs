using System.Collections.Generic;

namespace Wit.Runtime.Canonical;

/// <summary>
/// An instance's handle table (the spec's <c>Table</c>): index 0 is never used, freed indices are reused last-freed
/// first, at most 2^28 - 1 entries. An index that names no entry traps.
/// </summary>
public sealed class HandleTable
{
    public const int MaxLength = (1 << 28) - 1;

    private readonly List<ResourceHandle?> _entries = new() { null };
    private readonly List<int> _free = new();

    /// <summary>How many entries are in use.</summary>
    public int Count => _entries.Count - 1 - _free.Count;

    /// <summary>The entries in use with their indices, in index order.</summary>
    public IEnumerable<(int Index, ResourceHandle Handle)> Entries
    {
        get
        {
            for (int i = 1; i < _entries.Count; i++)
            {
                if (_entries[i] is { } handle) yield return (i, handle);
            }
        }
    }

    public ResourceHandle Get(ulong index)
    {
        if (index >= (ulong)_entries.Count || _entries[(int)index] is not { } handle)
        {
            throw CanonicalTrapException.Of(CanonicalTrap.InvalidHandle, $"handle index {index} is not in the instance's table");
        }

        return handle;
    }

    public int Add(ResourceHandle handle)
    {
        if (_free.Count > 0)
        {
            int reused = _free[^1];
            _free.RemoveAt(_free.Count - 1);
            _entries[reused] = handle;
            return reused;
        }

        int index = _entries.Count;
        if (index > MaxLength) throw CanonicalTrapException.Of(CanonicalTrap.TableFull, $"the handle table is full ({MaxLength} entries)");
        _entries.Add(handle);
        return index;
    }

    public ResourceHandle Remove(ulong index)
    {
        var handle = Get(index);
        _entries[(int)index] = null;
        _free.Add((int)index);
        return handle;
    }
}
