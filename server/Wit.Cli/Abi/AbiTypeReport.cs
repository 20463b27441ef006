using System.Collections.Generic;

namespace Wit.Cli.Abi;

/// <summary>
/// The layout of one named type: size, alignment and flat core types, plus what its kind has (record and tuple
/// fields with offsets; variant, enum, option and result cases with the discriminant and payload offset; the
/// number of flags; a list's element). An alias reports the layout of what it names.
/// </summary>
public sealed class AbiTypeReport
{
    /// <summary>Where the type is defined and its name: <c>ns:pkg/iface@v.name</c>, or <c>world.name</c> in the root package.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The definition's kind in WIT's words: <c>record</c>, <c>variant</c>, <c>enum</c>, <c>flags</c>, <c>type</c> (an alias), ...</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>For an alias, the aliased type as WIT spells it.</summary>
    public string? AliasOf { get; set; }

    /// <summary>The kind after following aliases (the shape that was laid out), when it differs from <see cref="Kind"/>.</summary>
    public string? LayoutKind { get; set; }

    public long Size { get; set; }

    public int Alignment { get; set; }

    /// <summary>How many core values the type flattens to (saturating).</summary>
    public long FlatCount { get; set; }

    /// <summary>The flat core types, or null when there are too many to list.</summary>
    public List<string>? Flat { get; set; }

    /// <summary>Record fields and tuple elements (named 0, 1, ...), with offsets.</summary>
    public List<AbiFieldReport>? Fields { get; set; }

    /// <summary>Bytes of a variant's (enum's, option's, result's) discriminant.</summary>
    public int? DiscriminantSize { get; set; }

    /// <summary>Where a variant's payload starts.</summary>
    public long? PayloadOffset { get; set; }

    /// <summary>Variant, enum, option and result cases with their payload sizes.</summary>
    public List<AbiCaseReport>? Cases { get; set; }

    /// <summary>The number of flags of a flags type.</summary>
    public int? FlagCount { get; set; }

    /// <summary>The element type of a list or fixed-length list, and the key and value of a map (as WIT).</summary>
    public string? Element { get; set; }

    /// <summary>Bytes per list element.</summary>
    public long? ElementSize { get; set; }

    /// <summary>The number of elements of a fixed-length list.</summary>
    public long? Length { get; set; }
}
