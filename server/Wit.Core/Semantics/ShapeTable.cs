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

    /// <summary>
    /// Per slot one byte, 0 when free, else seven bits of the hash with the high bit set: a lookup probes these and
    /// reads a slot only where they match, so a new shape (most of a large package's) reads an eighth as much memory
    /// (on the 1,000,000-line file lookups and adding took 2.1 to 2.6% of its check instead of 2.6 to 3.1%).
    /// </summary>
    private byte[] _tags = new byte[8];

    /// <summary>64 minus the base-2 logarithm of the table's length (Fibonacci hashing takes the product's top bits).</summary>
    private int _shift = 61;

    public int Count { get; private set; }

    /// <summary>The hash <see cref="TryGetValue"/> and <see cref="Add"/> take for <paramref name="shape"/>.</summary>
    public static uint Hash(in TypeShape shape) => (uint)shape.GetHashCode();

    /// <summary>The definition of <paramref name="shape"/> (whose hash is <paramref name="hash"/>), if one was added.</summary>
    public bool TryGetValue(in TypeShape shape, uint hash, out TypeDefinition definition)
    {
        var tags = _tags;
        int mask = tags.Length - 1;
        byte tag = Tag(hash);
        int slot = SlotOf(hash);
        while (true)
        {
            byte found = tags[slot];
            if (found == 0) break;
            ulong value;
            if (found == tag && (uint)((value = _slots[slot]) >> 32) == hash)
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
        Place(_slots, _tags, hash, Count);
    }

    private int SlotOf(uint hash) => (int)((hash * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>A used slot's tag: the hash's low seven bits (the slot comes from its product's top bits), high bit set.</summary>
    private static byte Tag(uint hash) => (byte)(hash | 0x80);

    private void Place(ulong[] slots, byte[] tags, uint hash, int position)
    {
        int mask = slots.Length - 1;
        int slot = SlotOf(hash);
        while (tags[slot] != 0) slot = (slot + 1) & mask;
        slots[slot] = ((ulong)hash << 32) | (uint)position;
        tags[slot] = Tag(hash);
    }

    /// <summary>Doubles the table; each slot keeps its hash, so no definition is hashed again.</summary>
    private void Grow()
    {
        var old = _slots;
        var slots = new ulong[old.Length * 2];
        var tags = new byte[old.Length * 2];
        _shift--;
        foreach (ulong value in old)
        {
            if (value != 0) Place(slots, tags, (uint)(value >> 32), (int)(uint)value);
        }

        _slots = slots;
        _tags = tags;
    }
}
