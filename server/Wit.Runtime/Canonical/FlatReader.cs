using System;
using Wit.Core.Abi;
using Wit.Runtime.Execution;

namespace Wit.Runtime.Canonical;

/// <summary>A source of flat core values, read one by one as the type being lifted asks for them (the spec's <c>CoreValueIter</c>).</summary>
public interface IFlatSource
{
    /// <summary>The next value's bits (an i32 or f32 in the low 32 bits), which must be of type <paramref name="want"/>.</summary>
    ulong Next(CoreValueType want);
}

/// <summary>Flat core values a core function passed or returned.</summary>
public sealed class FlatReader : IFlatSource
{
    private readonly WasmValue[] _values;
    private int _next;

    public FlatReader(params WasmValue[] values)
    {
        _values = values ?? throw new ArgumentNullException(nameof(values));
    }

    /// <summary>Whether every value was read.</summary>
    public bool Done => _next == _values.Length;

    public ulong Next(CoreValueType want)
    {
        if (_next >= _values.Length) throw new WasmException(WasmErrorKind.Usage, -1, $"too few flat values: the type needs more than {_values.Length}");
        var value = _values[_next];
        if (value.Type != CanonicalCodec.ValTypeOf(want))
        {
            throw new WasmException(WasmErrorKind.Usage, -1, $"flat value {_next} is a {Binary.TypeNames.Of(value.Type)}, where the type needs a {CoreValueTypes.Name(want)}");
        }

        _next++;
        return want is CoreValueType.I32 or CoreValueType.F32 ? (uint)value.Bits : value.Bits;
    }
}

/// <summary>
/// A variant's payload read from the variant's joined flat types (the spec's <c>CoerceValueIter</c>): each value is
/// read as the joined type and narrowed or reinterpreted to the type the payload wants.
/// </summary>
internal sealed class CoercingSource : IFlatSource
{
    private readonly IFlatSource _inner;
    private readonly System.Collections.Generic.IReadOnlyList<CoreValueType> _joined;

    public CoercingSource(IFlatSource inner, System.Collections.Generic.IReadOnlyList<CoreValueType> joined, int start)
    {
        _inner = inner;
        _joined = joined;
        Position = start;
    }

    public int Position { get; private set; }

    public ulong Next(CoreValueType want)
    {
        if (Position >= _joined.Count) throw new WasmException(WasmErrorKind.Usage, -1, "a variant payload needs more flat values than the variant has");
        var have = _joined[Position++];
        ulong bits = _inner.Next(have);
        // i32 to f32 reinterprets; i64 to i32 or f32 wraps to the low bits; i64 to f64 reinterprets: bits stay bits.
        return have == CoreValueType.I64 && want is CoreValueType.I32 or CoreValueType.F32 ? (uint)bits : bits;
    }
}
