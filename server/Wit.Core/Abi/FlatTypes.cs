using System.Collections.Generic;

namespace Wit.Core.Abi;

/// <summary>
/// The flattened core types of a value. Types can flatten to astronomically many values (nested fixed-size lists and
/// records multiply), so the count saturates and the list itself is only kept while it is small enough to matter:
/// anything beyond 16 values is passed through memory anyway.
/// </summary>
public sealed class FlatTypes
{
    /// <summary>The most values kept as a list.</summary>
    public const int MaxMaterialized = 1024;

    public FlatTypes(long count, IReadOnlyList<CoreValueType>? values)
    {
        Count = count;
        Values = values;
    }

    /// <summary>How many core values, saturating at <see cref="long.MaxValue"/>.</summary>
    public long Count { get; }

    /// <summary>The core values, or null when there are more than <see cref="MaxMaterialized"/>.</summary>
    public IReadOnlyList<CoreValueType>? Values { get; }

    public override string ToString() => Values is null ? $"{Count} values" : "[" + string.Join(", ", System.Linq.Enumerable.Select(Values, CoreValueTypes.Name)) + "]";
}
