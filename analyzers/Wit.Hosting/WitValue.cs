using System;
using System.Text;

namespace Wit.Hosting;

/// <summary>
/// A WIT value crossing between a host and an engine, independent of the engine: what generated code passes to
/// <see cref="IWitLinker"/> and <see cref="IWitInstance"/>. So far the primitives and strings
/// (<see cref="WitValueKind"/>); reading a value as another kind throws <see cref="InvalidCastException"/>.
/// </summary>
public readonly struct WitValue : IEquatable<WitValue>
{
    private readonly ulong _bits;
    private readonly string? _string;

    private WitValue(WitValueKind kind, ulong bits, string? text = null)
    {
        Kind = kind;
        _bits = bits;
        _string = text;
    }

    /// <summary>The value's WIT type.</summary>
    public WitValueKind Kind { get; }

    /// <summary>A <c>bool</c>.</summary>
    public static WitValue Bool(bool value) => new(WitValueKind.Bool, value ? 1UL : 0UL);

    /// <summary>A <c>s8</c>.</summary>
    public static WitValue S8(sbyte value) => new(WitValueKind.S8, unchecked((ulong)value));

    /// <summary>A <c>u8</c>.</summary>
    public static WitValue U8(byte value) => new(WitValueKind.U8, value);

    /// <summary>A <c>s16</c>.</summary>
    public static WitValue S16(short value) => new(WitValueKind.S16, unchecked((ulong)value));

    /// <summary>A <c>u16</c>.</summary>
    public static WitValue U16(ushort value) => new(WitValueKind.U16, value);

    /// <summary>A <c>s32</c>.</summary>
    public static WitValue S32(int value) => new(WitValueKind.S32, unchecked((ulong)value));

    /// <summary>A <c>u32</c>.</summary>
    public static WitValue U32(uint value) => new(WitValueKind.U32, value);

    /// <summary>A <c>s64</c>.</summary>
    public static WitValue S64(long value) => new(WitValueKind.S64, unchecked((ulong)value));

    /// <summary>A <c>u64</c>.</summary>
    public static WitValue U64(ulong value) => new(WitValueKind.U64, value);

    /// <summary>A <c>f32</c>.</summary>
    public static WitValue F32(float value) => new(WitValueKind.F32, BitConverter.SingleToUInt32Bits(value));

    /// <summary>A <c>f64</c>.</summary>
    public static WitValue F64(double value) => new(WitValueKind.F64, BitConverter.DoubleToUInt64Bits(value));

    /// <summary>A <c>char</c>.</summary>
    public static WitValue Char(Rune value) => new(WitValueKind.Char, (ulong)value.Value);

    /// <summary>A <c>string</c>.</summary>
    public static WitValue String(string value) => new(WitValueKind.String, 0, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>The <c>bool</c> this is; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public bool AsBool() => Expect(WitValueKind.Bool) != 0;

    /// <summary>The <c>s8</c> this is; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public sbyte AsS8() => unchecked((sbyte)Expect(WitValueKind.S8));

    /// <summary>The <c>u8</c> this is; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public byte AsU8() => (byte)Expect(WitValueKind.U8);

    /// <summary>The <c>s16</c> this is; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public short AsS16() => unchecked((short)Expect(WitValueKind.S16));

    /// <summary>The <c>u16</c> this is; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public ushort AsU16() => (ushort)Expect(WitValueKind.U16);

    /// <summary>The <c>s32</c> this is; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public int AsS32() => unchecked((int)Expect(WitValueKind.S32));

    /// <summary>The <c>u32</c> this is; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public uint AsU32() => (uint)Expect(WitValueKind.U32);

    /// <summary>The <c>s64</c> this is; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public long AsS64() => unchecked((long)Expect(WitValueKind.S64));

    /// <summary>The <c>u64</c> this is; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public ulong AsU64() => Expect(WitValueKind.U64);

    /// <summary>The <c>f32</c> this is; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public float AsF32() => BitConverter.UInt32BitsToSingle((uint)Expect(WitValueKind.F32));

    /// <summary>The <c>f64</c> this is; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public double AsF64() => BitConverter.UInt64BitsToDouble(Expect(WitValueKind.F64));

    /// <summary>The <c>char</c> this is; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public Rune AsChar() => new((int)Expect(WitValueKind.Char));

    /// <summary>The <c>string</c> this is; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public string AsString()
    {
        Expect(WitValueKind.String);
        return _string!;
    }

    private ulong Expect(WitValueKind kind) =>
        Kind == kind ? _bits : throw new InvalidCastException($"The WIT value is a {Kind}, not a {kind}.");

    /// <summary>Same kind and same value (floats bit for bit, so NaN payloads count).</summary>
    public bool Equals(WitValue other) => Kind == other.Kind && _bits == other._bits && string.Equals(_string, other._string, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WitValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, _bits, _string);

    /// <summary>The value as WIT would write it.</summary>
    public override string ToString() => Kind switch
    {
        WitValueKind.Bool => AsBool() ? "true" : "false",
        WitValueKind.S8 or WitValueKind.S16 or WitValueKind.S32 or WitValueKind.S64 => unchecked((long)_bits).ToString(System.Globalization.CultureInfo.InvariantCulture),
        WitValueKind.F32 => AsF32().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        WitValueKind.F64 => AsF64().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        WitValueKind.Char => $"'{AsChar()}'",
        WitValueKind.String => $"\"{_string}\"",
        _ => _bits.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Same kind and same value.</summary>
    public static bool operator ==(WitValue left, WitValue right) => left.Equals(right);

    /// <summary>Another kind or another value.</summary>
    public static bool operator !=(WitValue left, WitValue right) => !left.Equals(right);
}
