using System;

namespace Wit.Core.Semantics;

/// <summary>
/// A package's anonymous type definitions, found by their shapes (<see cref="TypeShape"/>): the definitions in the order
/// they were added and an open-addressing table (linear probing, filled at most to 11/16) whose slots hold a shape's
/// hash and its definition's position. A lookup hashes the shape once and reads one slot, then only a definition whose
/// hash matches; a set of the definitions (<c>HashSet</c> with an alternate lookup by shape) read a bucket, then each
/// entry of its chain, and hashed a definition again to add it. In a package of 250,000 distinct <c>result</c> types
/// those reads miss the caches: the set took three times as long per lookup as with 25,000. No shape is kept per entry:
/// a definition is compared through the shape it was filled from (<see cref="TypeShape.Of(TypeDefinition)"/>), so a
/// definition in the table must keep its shape (anonymous definitions are not changed once made).
/// </summary>
internal sealed class ShapeTable
{
    private TypeDefinition[] _definitions = new TypeDefinition[4];

    /// <summary>Per slot the hash in the high 32 bits and the position plus one in the low 32; 0 when free.</summary>
    private ulong[] _slots = new ulong[8];

    /// <summary>64 minus the base-2 logarithm of the table's length (Fibonacci hashing takes the product's top bits).</summary>
    private int _shift = 61;

    public int Count { get; private set; }

    /// <summary>The hash <see cref="TryGetValue"/> and <see cref="Add"/> take for <paramref name="shape"/>.</summary>
    public static uint Hash(in TypeShape shape) => (uint)shape.GetHashCode();

    /// <summary>The definition of <paramref name="shape"/> (whose hash is <paramref name="hash"/>), if one was added.</summary>
    public bool TryGetValue(in TypeShape shape, uint hash, out TypeDefinition definition)
    {
        var slots = _slots;
        int mask = slots.Length - 1;
        int slot = SlotOf(hash);
        while (true)
        {
            ulong value = slots[slot];
            if (value == 0) break;
            if ((uint)(value >> 32) == hash)
            {
                var candidate = _definitions[(int)(uint)value - 1];
                if (shape.Equals(TypeShape.Of(candidate)))
                {
                    definition = candidate;
                    return true;
                }
            }

            slot = (slot + 1) & mask;
        }

        definition = null!;
        return false;
    }

    /// <summary>Adds <paramref name="definition"/>, whose shape hashes to <paramref name="hash"/> and is not in the table yet.</summary>
    public void Add(uint hash, TypeDefinition definition)
    {
        if (Count == _definitions.Length) Array.Resize(ref _definitions, Count * 2);
        _definitions[Count] = definition;
        Count++;
        if (Count > (long)_slots.Length * 11 / 16) Grow();
        Place(_slots, hash, Count);
    }

    private int SlotOf(uint hash) => (int)((hash * 0x9E3779B97F4A7C15UL) >> _shift);

    private void Place(ulong[] slots, uint hash, int position)
    {
        int mask = slots.Length - 1;
        int slot = SlotOf(hash);
        while (slots[slot] != 0) slot = (slot + 1) & mask;
        slots[slot] = ((ulong)hash << 32) | (uint)position;
    }

    /// <summary>Doubles the table; each slot keeps its hash, so no definition is hashed again.</summary>
    private void Grow()
    {
        var old = _slots;
        var slots = new ulong[old.Length * 2];
        _shift--;
        foreach (ulong value in old)
        {
            if (value != 0) Place(slots, (uint)(value >> 32), (int)(uint)value);
        }

        _slots = slots;
    }
}
