using System;
using System.Collections.Generic;

namespace Wit.Core.Witx.Semantics;

/// <summary>
/// The memory layout of a WITX type under the witx crate's rules (wasm32: pointers, lengths and handles take 4
/// bytes): size, alignment, the offsets of record fields and, for variants, the tag's size and where payloads start.
/// </summary>
public sealed class WitxLayout
{
    /// <summary>A layout; offsets, tag size and payload offset apply to records and variants only.</summary>
    public WitxLayout(long size, int alignment, IReadOnlyList<long>? fieldOffsets = null, int tagSize = 0, long payloadOffset = 0)
    {
        Size = size;
        Alignment = alignment;
        FieldOffsets = fieldOffsets ?? Array.Empty<long>();
        TagSize = tagSize;
        PayloadOffset = payloadOffset;
    }

    /// <summary>Bytes a value occupies, also its stride in a list; saturates far above any memory.</summary>
    public long Size { get; }

    /// <summary>The alignment in bytes: 1, 2, 4 or 8.</summary>
    public int Alignment { get; }

    /// <summary>The offset of each field of a record or tuple (empty for flags, whose fields are bits).</summary>
    public IReadOnlyList<long> FieldOffsets { get; }

    /// <summary>Bytes of a variant's tag (1, 2, 4 or 8); 0 for other types.</summary>
    public int TagSize { get; }

    /// <summary>Where a variant's payload starts: the tag's size rounded up to the most aligned payload.</summary>
    public long PayloadOffset { get; }

    public override string ToString() => $"size {Size}, align {Alignment}";
}
