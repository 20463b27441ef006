using System;
using System.Collections.Generic;

namespace Wit.Core.Witx.Semantics;

/// <summary>
/// The witx crate's layout rules (its <c>layout.rs</c>) for wasm32, over already computed layouts of the contained
/// types. Records are laid out as in C. A variant's size is the largest over its cases of the tag followed by that
/// case's payload, each case rounded to its own alignment, while every payload is read at one offset, the tag's size
/// rounded to the most aligned payload: the crate's rule, kept as it is because engines built on witx lay memory out
/// by it (it can differ from the Canonical ABI's, which rounds once for all cases). Sizes saturate at
/// <see cref="Cap"/>, far above any memory, so nested types cannot overflow.
/// </summary>
internal static class WitxLayoutRules
{
    public const long Cap = 1L << 62;

    /// <summary>The largest size a type may have to fit a 32-bit memory.</summary>
    public const long MaxSize32 = uint.MaxValue;

    public static readonly WitxLayout Pointer = new(4, 4);
    public static readonly WitxLayout Handle = new(4, 4);
    public static readonly WitxLayout List = new(8, 4);
    public static readonly WitxLayout Error = new(0, 1);

    public static WitxLayout Builtin(WitxBuiltinType builtin) => builtin switch
    {
        WitxBuiltinType.U8 or WitxBuiltinType.S8 or WitxBuiltinType.Char8 => new WitxLayout(1, 1),
        WitxBuiltinType.U16 or WitxBuiltinType.S16 => new WitxLayout(2, 2),
        WitxBuiltinType.U64 or WitxBuiltinType.S64 or WitxBuiltinType.F64 => new WitxLayout(8, 8),
        _ => new WitxLayout(4, 4),
    };

    public static WitxLayout Int(WitxIntRepr repr)
    {
        int size = WitxNames.ReprSize(repr);
        return new WitxLayout(size, size);
    }

    public static WitxLayout Record(IReadOnlyList<WitxLayout> fields)
    {
        long size = 0;
        int alignment = 1;
        var offsets = new long[fields.Count];
        for (int i = 0; i < fields.Count; i++)
        {
            size = AlignTo(size, fields[i].Alignment);
            offsets[i] = size;
            size = Add(size, fields[i].Size);
            alignment = Math.Max(alignment, fields[i].Alignment);
        }

        return new WitxLayout(AlignTo(size, alignment), alignment, offsets);
    }

    public static WitxLayout Variant(WitxIntRepr tag, IReadOnlyList<WitxLayout?> payloads)
    {
        int tagSize = WitxNames.ReprSize(tag);
        long size = 0;
        int alignment = tagSize;
        long payloadOffset = tagSize;
        foreach (var payload in payloads)
        {
            long caseSize = tagSize;
            int caseAlignment = tagSize;
            if (payload is not null)
            {
                caseAlignment = Math.Max(caseAlignment, payload.Alignment);
                caseSize = Add(AlignTo(tagSize, payload.Alignment), payload.Size);
                payloadOffset = Math.Max(payloadOffset, AlignTo(payloadOffset, payload.Alignment));
            }

            size = Math.Max(size, AlignTo(caseSize, caseAlignment));
            alignment = Math.Max(alignment, caseAlignment);
        }

        return new WitxLayout(size, alignment, null, tagSize, payloadOffset);
    }

    public static long AlignTo(long value, int alignment) => alignment <= 1 ? value : Math.Min(Cap, (value + alignment - 1) / alignment * alignment);

    private static long Add(long a, long b) => a >= Cap - b ? Cap : a + b;
}
