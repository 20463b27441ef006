using System;
using System.Collections.Generic;
using System.Text;

namespace Wit.Runtime.Canonical;

/// <summary>
/// A component-level value as the Canonical ABI lifts and lowers it (the spec's Python values): scalars by their bits,
/// strings with the encoding and code-unit count they came with (which decide how a copy into another encoding calls
/// realloc), records and tuples as their fields, variants, enums, options and results as a case index with a payload,
/// flags as a mask, handles as the resource's <c>rep</c>. Values carry no type: lift and lower read one beside them.
/// </summary>
/// <remarks>
/// Not <c>Wit.Hosting</c>'s <c>WitValue</c>: the runtime references Core only (ARCHITECTURE.md), that contract is a
/// packed NuGet library whose build brings the analyzers, and its values differ where the ABI needs more: handles of a
/// guest's resources are reps, not host objects, and a string keeps its source encoding. The adapter that puts this
/// engine behind <c>Wit.Hosting</c> converts between the two, as the Wasmtime adapter does with Wasmtime's values.
/// </remarks>
public sealed class ComponentValue : IEquatable<ComponentValue>
{
    private static readonly ComponentValue[] NoItems = Array.Empty<ComponentValue>();

    private ComponentValue(ComponentValueKind kind, ulong bits, string? text = null, ComponentValue[]? items = null)
    {
        Kind = kind;
        Bits = bits;
        Text = text;
        Items = items ?? NoItems;
    }

    public ComponentValueKind Kind { get; }

    /// <summary>
    /// Scalars: the value's bits (integers sign-extended to 64 bits, floats as their IEEE bits, a char's code point, a
    /// bool 0 or 1, a flags mask, a handle's rep); a case's index; a string's code units (without the UTF-16 tag).
    /// </summary>
    public ulong Bits { get; }

    /// <summary>A string's text.</summary>
    public string? Text { get; }

    /// <summary>A list's elements, a record's fields, a case's payload (none or one).</summary>
    public IReadOnlyList<ComponentValue> Items { get; }

    /// <summary>A string's source encoding.</summary>
    public StringEncoding Encoding { get; private init; }

    /// <summary>For a <see cref="StringEncoding.Latin1Utf16"/> string: whether it is in its UTF-16 form.</summary>
    public bool IsUtf16Form { get; private init; }

    public static ComponentValue Bool(bool value) => new(ComponentValueKind.Bool, value ? 1UL : 0UL);
    public static ComponentValue S8(sbyte value) => new(ComponentValueKind.S8, unchecked((ulong)value));
    public static ComponentValue U8(byte value) => new(ComponentValueKind.U8, value);
    public static ComponentValue S16(short value) => new(ComponentValueKind.S16, unchecked((ulong)value));
    public static ComponentValue U16(ushort value) => new(ComponentValueKind.U16, value);
    public static ComponentValue S32(int value) => new(ComponentValueKind.S32, unchecked((ulong)value));
    public static ComponentValue U32(uint value) => new(ComponentValueKind.U32, value);
    public static ComponentValue S64(long value) => new(ComponentValueKind.S64, unchecked((ulong)value));
    public static ComponentValue U64(ulong value) => new(ComponentValueKind.U64, value);
    public static ComponentValue F32Bits(uint bits) => new(ComponentValueKind.F32, bits);
    public static ComponentValue F64Bits(ulong bits) => new(ComponentValueKind.F64, bits);
    public static ComponentValue F32(float value) => F32Bits(BitConverter.SingleToUInt32Bits(value));
    public static ComponentValue F64(double value) => F64Bits(BitConverter.DoubleToUInt64Bits(value));

    /// <summary>A <c>char</c>; a surrogate or a value beyond U+10FFFF is refused (a <c>char</c> is a Unicode scalar value).</summary>
    public static ComponentValue Char(int codePoint) =>
        Rune.IsValid(codePoint) ? new(ComponentValueKind.Char, (ulong)codePoint) : throw new WasmException(WasmErrorKind.Usage, -1, $"U+{codePoint:X} is not a Unicode scalar value, so not a char");

    /// <summary>
    /// A string from <paramref name="source"/> (UTF-8 unless said otherwise; a <see cref="StringEncoding.Latin1Utf16"/>
    /// string is Latin-1 when it can be unless <paramref name="utf16Form"/>). Text with a lone surrogate is refused.
    /// </summary>
    public static ComponentValue String(string text, StringEncoding source = StringEncoding.Utf8, bool utf16Form = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        int runes = 0;
        bool latin1 = true;
        int utf8 = 0;
        for (int i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out int used) != System.Buffers.OperationStatus.Done)
            {
                throw new WasmException(WasmErrorKind.Usage, -1, $"the string holds a lone surrogate at index {i}, so it is not a WIT string");
            }

            latin1 &= rune.Value < 0x100;
            utf8 += rune.Utf8SequenceLength;
            runes++;
            i += used;
        }

        bool inUtf16 = source == StringEncoding.Latin1Utf16 && (utf16Form || !latin1);
        ulong units = source switch
        {
            StringEncoding.Utf8 => (ulong)utf8,
            StringEncoding.Utf16 => (ulong)text.Length,
            _ => inUtf16 ? (ulong)text.Length : (ulong)runes,
        };
        return new(ComponentValueKind.String, units, text) { Encoding = source, IsUtf16Form = inUtf16 };
    }

    /// <summary>A lifted string, with the code units the guest gave (checked by the caller against the bytes).</summary>
    internal static ComponentValue LiftedString(string text, StringEncoding encoding, ulong units, bool utf16Form) =>
        new(ComponentValueKind.String, units, text) { Encoding = encoding, IsUtf16Form = utf16Form };

    public static ComponentValue List(params ComponentValue[] items) => new(ComponentValueKind.List, 0, null, Checked(items));

    /// <summary>A record's fields or a tuple's elements, in order.</summary>
    public static ComponentValue Record(params ComponentValue[] fields) => new(ComponentValueKind.Record, 0, null, Checked(fields));

    /// <summary>A variant or enum case by index, with its payload when the case has one.</summary>
    public static ComponentValue Case(uint index, ComponentValue? payload = null) =>
        new(ComponentValueKind.Case, index, null, payload is null ? NoItems : new[] { payload });

    public static ComponentValue None { get; } = Case(0);
    public static ComponentValue Some(ComponentValue value) => Case(1, value ?? throw new ArgumentNullException(nameof(value)));
    public static ComponentValue Ok(ComponentValue? value = null) => Case(0, value);
    public static ComponentValue Err(ComponentValue? value = null) => Case(1, value);
    public static ComponentValue Flags(uint mask) => new(ComponentValueKind.Flags, mask);
    public static ComponentValue Own(uint rep) => new(ComponentValueKind.Own, rep);
    public static ComponentValue Borrow(uint rep) => new(ComponentValueKind.Borrow, rep);

    /// <summary>A case's payload, or null.</summary>
    public ComponentValue? Payload => Kind == ComponentValueKind.Case && Items.Count == 1 ? Items[0] : null;

    /// <summary>A string's code units tagged as <c>latin1+utf16</c> tags them in a memory with <paramref name="pointerSize"/>-byte pointers.</summary>
    public ulong TaggedCodeUnits(int pointerSize) => IsUtf16Form ? Bits | Utf16Tag(pointerSize) : Bits;

    internal static ulong Utf16Tag(int pointerSize) => 1UL << (pointerSize * 8 - 1);

    private static ComponentValue[] Checked(ComponentValue[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items) ArgumentNullException.ThrowIfNull(item, nameof(items));
        return items;
    }

    /// <summary>Same kind and value; floats bit for bit; strings by text (not by the encoding they came from).</summary>
    /// <remarks>Compound values compare element by element, as deep as the value (which its type bounds).</remarks>
    public bool Equals(ComponentValue? other)
    {
        if (other is null || Kind != other.Kind) return false;
        if (Kind == ComponentValueKind.String) return string.Equals(Text, other.Text, StringComparison.Ordinal);
        if (Bits != other.Bits || Items.Count != other.Items.Count) return false;
        for (int i = 0; i < Items.Count; i++)
        {
            if (!Items[i].Equals(other.Items[i])) return false;
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as ComponentValue);

    public override int GetHashCode() => Kind == ComponentValueKind.String ? HashCode.Combine(Kind, Text) : HashCode.Combine(Kind, Bits, Items.Count);

    public override string ToString() => Kind switch
    {
        ComponentValueKind.Bool => Bits != 0 ? "true" : "false",
        ComponentValueKind.S8 or ComponentValueKind.S16 or ComponentValueKind.S32 or ComponentValueKind.S64 => unchecked((long)Bits).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ComponentValueKind.F32 => $"f32:{Bits:x8}",
        ComponentValueKind.F64 => $"f64:{Bits:x16}",
        ComponentValueKind.Char => $"U+{Bits:X4}",
        ComponentValueKind.String => $"\"{Text}\"",
        ComponentValueKind.List => "[" + string.Join(", ", Items) + "]",
        ComponentValueKind.Record => "(" + string.Join(", ", Items) + ")",
        ComponentValueKind.Case => Payload is { } p ? $"case{Bits}({p})" : $"case{Bits}",
        ComponentValueKind.Flags => $"flags:{Bits:x}",
        ComponentValueKind.Own => $"own:{Bits}",
        ComponentValueKind.Borrow => $"borrow:{Bits}",
        _ => Bits.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
