using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Wit.Hosting;

/// <summary>
/// A WIT value crossing between a host and an engine, independent of the engine: what generated code passes to
/// <see cref="IWitLinker"/> and <see cref="IWitInstance"/>: every WIT value but futures, streams and error contexts
/// (<see cref="WitValueKind"/>); resource handles are the host's objects or, for a component's own
/// resources, the engine's <see cref="WitComponentResource"/>. Reading a value as another kind throws <see cref="InvalidCastException"/>.
/// Compound values keep the arrays they are given (generated code builds a new one for each value): do not change them
/// afterwards.
/// </summary>
public readonly partial struct WitValue : IEquatable<WitValue>
{
    private static readonly WitValue[] NoItems = Array.Empty<WitValue>();

    private readonly ulong _bits;

    // A string's text or an enum's case (string); the items of a list or tuple, the payload (0 or 1) of an option,
    // result or variant (WitValue[]); a record (Fields); a variant (Case); the enabled flags (string[]).
    private readonly object? _ref;

    private WitValue(WitValueKind kind, ulong bits, object? reference = null)
    {
        Kind = kind;
        _bits = bits;
        _ref = reference;
    }

    private sealed class Fields
    {
        public Fields(string[] names, WitValue[] values)
        {
            Names = names;
            Values = values;
        }

        public string[] Names { get; }

        public WitValue[] Values { get; }
    }

    private sealed class Entries
    {
        public Entries(WitValue[] keys, WitValue[] values)
        {
            Keys = keys;
            Values = values;
        }

        public WitValue[] Keys { get; }

        public WitValue[] Values { get; }
    }

    private sealed class Handle
    {
        public Handle(string resource, object value)
        {
            Resource = resource;
            Value = value;
        }

        public string Resource { get; }

        public object Value { get; }

        public override bool Equals(object? obj) => obj is Handle other && Resource == other.Resource && ReferenceEquals(Value, other.Value);

        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Value);
    }

    private sealed class Case
    {
        public Case(string name, WitValue[] payload)
        {
            Name = name;
            Payload = payload;
        }

        public string Name { get; }

        public WitValue[] Payload { get; }
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

    /// <summary>A <c>list&lt;T&gt;</c> of <paramref name="items"/> (kept, not copied).</summary>
    public static WitValue List(WitValue[] items) => new(WitValueKind.List, 0, items ?? throw new ArgumentNullException(nameof(items)));

    /// <summary>A <c>tuple&lt;...&gt;</c> of <paramref name="items"/> (kept, not copied).</summary>
    public static WitValue Tuple(WitValue[] items) => new(WitValueKind.Tuple, 0, items ?? throw new ArgumentNullException(nameof(items)));

    /// <summary>
    /// A <c>record</c>: its WIT field <paramref name="names"/> and their <paramref name="values"/>, in declaration
    /// order (both kept, not copied).
    /// </summary>
    public static WitValue Record(string[] names, WitValue[] values)
    {
        if (names is null) throw new ArgumentNullException(nameof(names));
        if (values is null) throw new ArgumentNullException(nameof(values));
        if (names.Length != values.Length) throw new ArgumentException($"A record of {names.Length} field names has {values.Length} values.", nameof(values));
        return new(WitValueKind.Record, 0, new Fields(names, values));
    }

    /// <summary>The <c>variant</c> case <paramref name="caseName"/> (its WIT name) with its payload, if the case has one.</summary>
    public static WitValue Variant(string caseName, WitValue? payload = null) =>
        new(WitValueKind.Variant, 0, new Case(caseName ?? throw new ArgumentNullException(nameof(caseName)), payload is { } p ? new[] { p } : NoItems));

    /// <summary>The <c>enum</c> case <paramref name="caseName"/> (its WIT name).</summary>
    public static WitValue Enum(string caseName) => new(WitValueKind.Enum, 0, caseName ?? throw new ArgumentNullException(nameof(caseName)));

    /// <summary>The <c>option</c> <c>none</c>.</summary>
    public static WitValue None { get; } = new(WitValueKind.Option, 0, NoItems);

    /// <summary>The <c>option</c> <c>some(value)</c>.</summary>
    public static WitValue Some(WitValue value) => new(WitValueKind.Option, 1, new[] { value });

    /// <summary>The <c>result</c> <c>ok</c>, with its payload unless the result's <c>ok</c> side has none.</summary>
    public static WitValue Ok(WitValue? value = null) => new(WitValueKind.Result, 1, value is { } v ? new[] { v } : NoItems);

    /// <summary>The <c>result</c> <c>err</c>, with its payload unless the result's <c>err</c> side has none.</summary>
    public static WitValue Err(WitValue? value = null) => new(WitValueKind.Result, 0, value is { } v ? new[] { v } : NoItems);

    /// <summary><c>flags</c> with the enabled flags' WIT <paramref name="names"/> (kept, not copied).</summary>
    public static WitValue Flags(string[] names) => new(WitValueKind.Flags, 0, names ?? throw new ArgumentNullException(nameof(names)));

    /// <summary>
    /// An <c>own&lt;r&gt;</c> of the host's resource <paramref name="resource"/> (as <see cref="IWitLinker.DefineResource"/>
    /// names it): <paramref name="value"/>, the host's object, whose ownership passes to the component. The engine
    /// disposes it (when it is <see cref="IDisposable"/>) once the component drops the handle.
    /// </summary>
    public static WitValue Own(string resource, object value) =>
        new(WitValueKind.Resource, 1, new Handle(resource ?? throw new ArgumentNullException(nameof(resource)), value ?? throw new ArgumentNullException(nameof(value), "A WIT resource handle cannot be null.")));

    /// <summary>A <c>borrow&lt;r&gt;</c> of the host's object <paramref name="value"/> of resource <paramref name="resource"/>, for the length of a call.</summary>
    public static WitValue Borrow(string resource, object value) =>
        new(WitValueKind.Resource, 0, new Handle(resource ?? throw new ArgumentNullException(nameof(resource)), value ?? throw new ArgumentNullException(nameof(value), "A WIT resource handle cannot be null.")));

    /// <summary>An <c>own&lt;r&gt;</c> of a component's resource: the handle moves into the component (it is spent once the call passes it).</summary>
    public static WitValue Own(WitComponentResource resource) => Own((resource ?? throw new ArgumentNullException(nameof(resource))).Resource, resource);

    /// <summary>A <c>borrow&lt;r&gt;</c> of a component's resource the host holds, for the length of a call.</summary>
    public static WitValue Borrow(WitComponentResource resource) => Borrow((resource ?? throw new ArgumentNullException(nameof(resource))).Resource, resource);

    /// <summary>The handle of a component's resource this is (an engine reads a component's <c>own</c> so); throws <see cref="InvalidCastException"/> for another kind or a host object.</summary>
    public WitComponentResource AsComponentResource() =>
        AsResource() as WitComponentResource ?? throw new InvalidCastException($"{this} is a handle of a host object, not of a component's resource.");

    /// <summary>The host object of the resource handle this is; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public object AsResource()
    {
        Expect(WitValueKind.Resource);
        return ((Handle)_ref!).Value;
    }

    /// <summary>The resource (as <see cref="IWitLinker.DefineResource"/> names it) of the handle this is.</summary>
    public string ResourceName()
    {
        Expect(WitValueKind.Resource);
        return ((Handle)_ref!).Resource;
    }

    /// <summary>Whether the resource handle this is is an <c>own</c> (else a <c>borrow</c>).</summary>
    public bool IsOwn => Expect(WitValueKind.Resource) == 1;

    /// <summary>
    /// A <c>map&lt;K, V&gt;</c> of the entries <paramref name="keys"/>[i] to <paramref name="values"/>[i] (kept, not
    /// copied), in that order, which engines keep (the canonical ABI passes a map as a list of pairs).
    /// </summary>
    public static WitValue Map(WitValue[] keys, WitValue[] values)
    {
        if (keys is null) throw new ArgumentNullException(nameof(keys));
        if (values is null) throw new ArgumentNullException(nameof(values));
        if (keys.Length != values.Length) throw new ArgumentException($"A map of {keys.Length} keys cannot have {values.Length} values.", nameof(values));
        return new(WitValueKind.Map, 0, new Entries(keys, values));
    }

    /// <summary>The keys of the <c>map</c> this is, in order; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public IReadOnlyList<WitValue> MapKeys()
    {
        Expect(WitValueKind.Map);
        return ((Entries)_ref!).Keys;
    }

    /// <summary>The values of the <c>map</c> this is, in the order of <see cref="MapKeys"/>; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public IReadOnlyList<WitValue> MapValues()
    {
        Expect(WitValueKind.Map);
        return ((Entries)_ref!).Values;
    }

    /// <summary>The items of the <c>list</c> this is; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public IReadOnlyList<WitValue> AsList()
    {
        Expect(WitValueKind.List);
        return (WitValue[])_ref!;
    }

    /// <summary>The items of the <c>tuple</c> this is; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public IReadOnlyList<WitValue> AsTuple()
    {
        Expect(WitValueKind.Tuple);
        return (WitValue[])_ref!;
    }

    /// <summary>The field values of the <c>record</c> this is, in declaration order; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public IReadOnlyList<WitValue> AsRecord()
    {
        Expect(WitValueKind.Record);
        return ((Fields)_ref!).Values;
    }

    /// <summary>The field names of the <c>record</c> this is, in declaration order; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public IReadOnlyList<string> RecordFieldNames()
    {
        Expect(WitValueKind.Record);
        return ((Fields)_ref!).Names;
    }

    /// <summary>The case name of the <c>variant</c> this is; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public string AsVariant()
    {
        Expect(WitValueKind.Variant);
        return ((Case)_ref!).Name;
    }

    /// <summary>The case name of the <c>enum</c> this is; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public string AsEnum()
    {
        Expect(WitValueKind.Enum);
        return (string)_ref!;
    }

    /// <summary>The enabled flags' names of the <c>flags</c> this is; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public IReadOnlyList<string> AsFlags()
    {
        Expect(WitValueKind.Flags);
        return (string[])_ref!;
    }

    /// <summary>Whether the <c>option</c> this is is <c>some</c>; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public bool IsSome => Expect(WitValueKind.Option) == 1;

    /// <summary>Whether the <c>result</c> this is is <c>ok</c>; throws <see cref="InvalidCastException"/> for another kind.</summary>
    public bool IsOk => Expect(WitValueKind.Result) == 1;

    /// <summary>
    /// The payload of the <c>option</c>, <c>result</c> or <c>variant</c> this is, null when its case has none; throws
    /// <see cref="InvalidCastException"/> for another kind.
    /// </summary>
    public WitValue? Payload
    {
        get
        {
            var payload = Kind switch
            {
                WitValueKind.Option or WitValueKind.Result => (WitValue[])_ref!,
                WitValueKind.Variant => ((Case)_ref!).Payload,
                _ => throw new InvalidCastException($"The WIT value is a {Kind}, not an option, result or variant."),
            };
            return payload.Length == 0 ? null : payload[0];
        }
    }

    /// <summary>The payload of the option, result or variant case this is, which must have one.</summary>
    public WitValue RequiredPayload() =>
        Payload ?? throw new InvalidCastException($"The WIT {Kind} `{this}` has no payload.");

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
        return (string)_ref!;
    }

    private ulong Expect(WitValueKind kind) =>
        Kind == kind ? _bits : throw new InvalidCastException($"The WIT value is a {Kind}, not a {kind}.");

    /// <summary>Same kind and same value (floats bit for bit, so NaN payloads count).</summary>
    /// <remarks>Compound values compare item by item; flags as sets of names. Recursion is as deep as the value.</remarks>
    public bool Equals(WitValue other)
    {
        if (Kind != other.Kind || _bits != other._bits) return false;
        return (_ref, other._ref) switch
        {
            (null, null) => true,
            (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
            (WitValue[] a, WitValue[] b) => Same(a, b),
            (Fields a, Fields b) => Same(a.Names, b.Names) && Same(a.Values, b.Values),
            (Entries a, Entries b) => Same(a.Keys, b.Keys) && Same(a.Values, b.Values),
            (Handle a, Handle b) => a.Equals(b),
            (Case a, Case b) => string.Equals(a.Name, b.Name, StringComparison.Ordinal) && Same(a.Payload, b.Payload),
            (string[] a, string[] b) => new HashSet<string>(a, StringComparer.Ordinal).SetEquals(b),
            _ => false,
        };
    }

    private static bool Same<T>(T[] a, T[] b)
    {
        if (a.Length != b.Length) return false;
        var comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < a.Length; i++)
        {
            if (!comparer.Equals(a[i], b[i])) return false;
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WitValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _ref switch
    {
        string text => HashCode.Combine(Kind, _bits, text),
        WitValue[] items => HashCode.Combine(Kind, _bits, items.Length, items.Length > 0 ? items[0] : default),
        Fields fields => HashCode.Combine(Kind, fields.Values.Length, fields.Values.Length > 0 ? fields.Values[0] : default),
        Entries entries => HashCode.Combine(Kind, entries.Keys.Length, entries.Keys.Length > 0 ? entries.Keys[0] : default),
        Case @case => HashCode.Combine(Kind, @case.Name),
        string[] names => HashCode.Combine(Kind, names.Length),
        _ => HashCode.Combine(Kind, _bits),
    };

    /// <summary>The value as WIT would write it.</summary>
    public override string ToString() => Kind switch
    {
        WitValueKind.Bool => AsBool() ? "true" : "false",
        WitValueKind.S8 or WitValueKind.S16 or WitValueKind.S32 or WitValueKind.S64 => unchecked((long)_bits).ToString(System.Globalization.CultureInfo.InvariantCulture),
        WitValueKind.F32 => AsF32().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        WitValueKind.F64 => AsF64().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        WitValueKind.Char => $"'{AsChar()}'",
        WitValueKind.String => $"\"{_ref}\"",
        WitValueKind.List => "[" + string.Join(", ", AsList()) + "]",
        WitValueKind.Tuple => "(" + string.Join(", ", AsTuple()) + ")",
        WitValueKind.Record => "{" + string.Join(", ", Zip(RecordFieldNames(), AsRecord())) + "}",
        WitValueKind.Map => "{" + string.Join(", ", Zip(MapKeys().Select(k => k.ToString()).ToArray(), MapValues())) + "}",
        WitValueKind.Variant or WitValueKind.Result or WitValueKind.Option => CaseText(),
        WitValueKind.Enum => AsEnum(),
        WitValueKind.Flags => "{" + string.Join(", ", AsFlags()) + "}",
        WitValueKind.Resource => $"{(IsOwn ? "own" : "borrow")}<{ResourceName()}>",
        _ => _bits.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static IEnumerable<string> Zip(IReadOnlyList<string> names, IReadOnlyList<WitValue> values)
    {
        for (int i = 0; i < names.Count; i++) yield return $"{names[i]}: {values[i]}";
    }

    private string CaseText()
    {
        string name = Kind switch
        {
            WitValueKind.Variant => AsVariant(),
            WitValueKind.Option => IsSome ? "some" : "none",
            _ => IsOk ? "ok" : "err",
        };
        return Payload is { } payload ? $"{name}({payload})" : name;
    }

    /// <summary>Same kind and same value.</summary>
    public static bool operator ==(WitValue left, WitValue right) => left.Equals(right);

    /// <summary>Another kind or another value.</summary>
    public static bool operator !=(WitValue left, WitValue right) => !left.Equals(right);
}
