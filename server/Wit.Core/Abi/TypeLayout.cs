using System;
using System.Collections.Generic;

namespace Wit.Core.Abi;

/// <summary>
/// The memory layout of a type: size and alignment, the offsets of record and tuple fields, and for variants (also
/// option, result and enum) the discriminant's size and the payload's offset.
/// </summary>
public sealed class TypeLayout
{
    public TypeLayout(long size, int alignment, IReadOnlyList<long>? fieldOffsets = null, int discriminantSize = 0, long payloadOffset = 0)
    {
        Size = size;
        Alignment = alignment;
        FieldOffsets = fieldOffsets ?? Array.Empty<long>();
        DiscriminantSize = discriminantSize;
        PayloadOffset = payloadOffset;
    }

    /// <summary>Bytes a value occupies as a list element (<c>elem_size</c>).</summary>
    public long Size { get; }

    public int Alignment { get; }

    /// <summary>The offset of each field of a record or element of a tuple (and of each element of a fixed-size list).</summary>
    public IReadOnlyList<long> FieldOffsets { get; }

    /// <summary>Bytes of a variant's discriminant (1, 2 or 4); 0 for non-variants.</summary>
    public int DiscriminantSize { get; }

    /// <summary>Where a variant's payload starts.</summary>
    public long PayloadOffset { get; }

    public override string ToString() => $"size {Size}, align {Alignment}";
}
