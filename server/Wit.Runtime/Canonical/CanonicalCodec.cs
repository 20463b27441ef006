using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using Wit.Core.Abi;
using Wit.Core.Semantics;
using Wit.Runtime.Binary;

namespace Wit.Runtime.Canonical;

/// <summary>
/// The Canonical ABI at run time (CanonicalABI.md, definitions.py): <c>load</c> and <c>store</c> of every WIT value type
/// in a linear memory, <c>lift_flat</c> and <c>lower_flat</c> to and from core values, and <c>lift_flat_values</c> /
/// <c>lower_flat_values</c>, which spill past <c>MAX_FLAT_PARAMS</c> or <c>MAX_FLAT_RESULTS</c> through memory. Sizes,
/// alignments, offsets and flat types come from Core's <see cref="CanonicalAbi"/>. Every trap is a
/// <see cref="CanonicalTrapException"/>; a value that does not match its type, or a type the runtime cannot carry
/// (async values, error contexts, types without a layout) is a <see cref="WasmException"/> of another kind. NaNs are
/// lowered as the deterministic profile does: the canonical NaN.
/// </summary>
/// <remarks>
/// Lift and lower follow the type, so their recursion is as deep as the type's nesting; a type nested deeper than
/// <see cref="MaxDepth"/> is refused before the stack could run out.
/// </remarks>
public sealed partial class CanonicalCodec
{
    /// <summary>How deeply types may nest (lists, records, variants and handles inside each other).</summary>
    public const int MaxDepth = 256;

    public const int MaxFlatParams = CanonicalAbi.MaxFlatParams;
    public const int MaxFlatResults = CanonicalAbi.MaxFlatResults;

    /// <summary>The most bytes a string's code units may take (the spec's <c>MAX_STRING_BYTE_LENGTH</c>).</summary>
    public const ulong MaxStringByteLength = (1UL << 28) - 1;

    /// <summary>The most bytes a list's elements may take (the spec's <c>MAX_LIST_BYTE_LENGTH</c>).</summary>
    public const ulong MaxListByteLength = (1UL << 28) - 1;

    private const uint CanonicalNan32 = 0x7fc00000;
    private const ulong CanonicalNan64 = 0x7ff8000000000000;

    public CanonicalCodec(CanonicalAbi abi)
    {
        Abi = abi ?? throw new ArgumentNullException(nameof(abi));
    }

    /// <summary>Core's layout and flattening, memoised per type definition.</summary>
    public CanonicalAbi Abi { get; }

    private int PointerSize => Abi.Memory64 ? 8 : 4;

    private CoreValueType PointerType => Abi.Memory64 ? CoreValueType.I64 : CoreValueType.I32;

    internal static ValType ValTypeOf(CoreValueType type) => type switch
    {
        CoreValueType.I32 => ValType.I32,
        CoreValueType.I64 => ValType.I64,
        CoreValueType.F32 => ValType.F32,
        _ => ValType.F64,
    };

    // ---- Types --------------------------------------------------------------------------------------------------

    /// <summary>The type through its aliases: a primitive, or a definition that is not an alias.</summary>
    private static WitType Unalias(WitType type)
    {
        if (type.Definition is not { } definition) return type;
        var target = definition.Unaliased();
        if (target.Kind != TypeDefinitionKind.Alias) return WitType.Of(target);
        if (target.Element is { IsPrimitive: true } primitive) return primitive;
        throw new WasmException(WasmErrorKind.Usage, -1, $"the type `{definition}` names nothing the Canonical ABI can carry (an alias cycle or an unresolved alias)");
    }

    private TypeLayout LayoutOf(WitType type) =>
        Abi.Layout(type) ?? throw new WasmException(WasmErrorKind.Usage, -1, $"the type `{type}` has no Canonical ABI layout: {(type.Definition is { } d ? Abi.Problem(d) : "unknown")}");

    private TypeLayout TupleLayoutOf(IReadOnlyList<WitType> types) =>
        Abi.TupleLayout(types) ?? throw new WasmException(WasmErrorKind.Usage, -1, "the values have no Canonical ABI layout as a tuple");

    private IReadOnlyList<CoreValueType> FlatOf(WitType type) =>
        Abi.Flatten(type)?.Values ?? throw new WasmException(WasmErrorKind.Usage, -1, $"the type `{type}` has no flat form small enough to pass as core values");

    private long FlatCount(IReadOnlyList<WitType> types)
    {
        long count = 0;
        foreach (var type in types)
        {
            var flat = Abi.Flatten(type) ?? throw new WasmException(WasmErrorKind.Usage, -1, $"the type `{type}` has no flat form");
            count = flat.Count > long.MaxValue - count ? long.MaxValue : count + flat.Count;
        }

        return count;
    }

    /// <summary>What a list holds: one element type, or for a map the key and value of each pair.</summary>
    private readonly record struct ListElement(WitType Single, WitType[]? Pair, TypeLayout Layout);

    private ListElement ElementOf(TypeDefinition list)
    {
        if (list.Kind == TypeDefinitionKind.Map)
        {
            var pair = new[] { list.Key ?? throw Unresolved(list), list.Element ?? throw Unresolved(list) };
            return new ListElement(default, pair, TupleLayoutOf(pair));
        }

        var element = list.Element ?? throw Unresolved(list);
        return new ListElement(element, null, LayoutOf(element));
    }

    private static WasmException Unresolved(TypeDefinition definition) =>
        new(WasmErrorKind.Usage, -1, $"the type `{definition}` did not resolve");

    private static WasmException NotCarried(TypeDefinition definition) => definition.Kind switch
    {
        TypeDefinitionKind.Future or TypeDefinitionKind.Stream => new WasmException(WasmErrorKind.Unsupported, -1, $"{definition.Kind.ToString().ToLowerInvariant()} values are not yet supported (async)"),
        _ => new WasmException(WasmErrorKind.Usage, -1, $"a {definition.Kind.ToString().ToLowerInvariant()} is not a value type"),
    };

    private static WasmException ErrorContextNotSupported() =>
        new(WasmErrorKind.Unsupported, -1, "error-context values are not yet supported (async)");

    private static void CheckDepth(int depth)
    {
        if (depth > MaxDepth) throw new WasmException(WasmErrorKind.Unsupported, -1, $"the type nests deeper than {MaxDepth} levels");
    }

    private static ComponentValue Expect(ComponentValue value, ComponentValueKind kind, WitType type)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Kind == kind ? value : throw new WasmException(WasmErrorKind.Usage, -1, $"the value {value} is not a `{type}`");
    }

    private static ComponentValueKind KindOf(PrimitiveType primitive) => primitive switch
    {
        PrimitiveType.Bool => ComponentValueKind.Bool,
        PrimitiveType.U8 => ComponentValueKind.U8,
        PrimitiveType.U16 => ComponentValueKind.U16,
        PrimitiveType.U32 => ComponentValueKind.U32,
        PrimitiveType.U64 => ComponentValueKind.U64,
        PrimitiveType.S8 => ComponentValueKind.S8,
        PrimitiveType.S16 => ComponentValueKind.S16,
        PrimitiveType.S32 => ComponentValueKind.S32,
        PrimitiveType.S64 => ComponentValueKind.S64,
        PrimitiveType.F32 => ComponentValueKind.F32,
        PrimitiveType.F64 => ComponentValueKind.F64,
        PrimitiveType.Char => ComponentValueKind.Char,
        _ => ComponentValueKind.String,
    };

    /// <summary>A scalar from its bits as read from memory or a core value, sign-extended where the type is signed.</summary>
    private static ComponentValue Scalar(PrimitiveType primitive, ulong bits) => primitive switch
    {
        PrimitiveType.Bool => ComponentValue.Bool(bits != 0),
        PrimitiveType.U8 => ComponentValue.U8((byte)bits),
        PrimitiveType.U16 => ComponentValue.U16((ushort)bits),
        PrimitiveType.U32 => ComponentValue.U32((uint)bits),
        PrimitiveType.U64 => ComponentValue.U64(bits),
        PrimitiveType.S8 => ComponentValue.S8(unchecked((sbyte)bits)),
        PrimitiveType.S16 => ComponentValue.S16(unchecked((short)bits)),
        PrimitiveType.S32 => ComponentValue.S32(unchecked((int)bits)),
        PrimitiveType.S64 => ComponentValue.S64(unchecked((long)bits)),
        PrimitiveType.F32 => ComponentValue.F32Bits(CanonicalizeNan32((uint)bits)),
        PrimitiveType.F64 => ComponentValue.F64Bits(CanonicalizeNan64(bits)),
        _ => ToChar(bits),
    };

    private static uint CanonicalizeNan32(uint bits) => float.IsNaN(BitConverter.UInt32BitsToSingle(bits)) ? CanonicalNan32 : bits;

    private static ulong CanonicalizeNan64(ulong bits) => double.IsNaN(BitConverter.UInt64BitsToDouble(bits)) ? CanonicalNan64 : bits;

    /// <summary><c>convert_i32_to_char</c>: a surrogate or a value past U+10FFFF traps.</summary>
    private static ComponentValue ToChar(ulong bits)
    {
        uint i = (uint)bits;
        if (i >= 0x110000 || (i >= 0xD800 && i <= 0xDFFF)) throw CanonicalTrapException.Of(CanonicalTrap.InvalidChar, $"0x{i:x} is not a Unicode scalar value, so not a char");
        return ComponentValue.Char((int)i);
    }

    /// <summary>A scalar's bits as memory stores them and core values carry them (floats with NaNs made canonical).</summary>
    private static ulong ScalarBits(ComponentValue value, PrimitiveType primitive, WitType type)
    {
        var v = Expect(value, KindOf(primitive), type);
        return primitive switch
        {
            PrimitiveType.F32 => float.IsNaN(BitConverter.UInt32BitsToSingle((uint)v.Bits)) ? CanonicalNan32 : (uint)v.Bits,
            PrimitiveType.F64 => double.IsNaN(BitConverter.UInt64BitsToDouble(v.Bits)) ? CanonicalNan64 : v.Bits,
            _ => v.Bits,
        };
    }

    private static int ScalarSize(PrimitiveType primitive) => primitive switch
    {
        PrimitiveType.Bool or PrimitiveType.U8 or PrimitiveType.S8 => 1,
        PrimitiveType.U16 or PrimitiveType.S16 => 2,
        PrimitiveType.U64 or PrimitiveType.S64 or PrimitiveType.F64 => 8,
        _ => 4,
    };

    // ---- Memory -------------------------------------------------------------------------------------------------

    private static ulong ReadUInt(byte[] bytes, ulong ptr, int size) => size switch
    {
        1 => bytes[ptr],
        2 => BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan((int)ptr)),
        4 => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)ptr)),
        _ => BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan((int)ptr)),
    };

    private static void WriteUInt(byte[] bytes, ulong ptr, int size, ulong value)
    {
        switch (size)
        {
            case 1: bytes[ptr] = (byte)value; break;
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan((int)ptr), (ushort)value); break;
            case 4: BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((int)ptr), (uint)value); break;
            default: BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan((int)ptr), value); break;
        }
    }

    /// <summary>Traps unless <paramref name="ptr"/> is a multiple of <paramref name="alignment"/>.</summary>
    private static void CheckAligned(ulong ptr, ulong alignment)
    {
        if (ptr % alignment != 0) throw CanonicalTrapException.Of(CanonicalTrap.Misaligned, $"pointer 0x{ptr:x} is not aligned to {alignment}");
    }

    /// <summary>Traps unless <paramref name="length"/> bytes at <paramref name="ptr"/> are inside the memory.</summary>
    private static void CheckInBounds(LiftLowerContext cx, ulong ptr, ulong length)
    {
        ulong size = (ulong)cx.Bytes.LongLength;
        if (ptr > size || length > size - ptr) throw CanonicalTrapException.Of(CanonicalTrap.OutOfBounds, $"{length} bytes at 0x{ptr:x} are outside the memory of {size} bytes");
    }

    /// <summary>Calls realloc and checks what it returned, as the spec does after each call: aligned, and the block inside the memory.</summary>
    private static ulong Reserve(LiftLowerContext cx, ulong old, ulong oldSize, ulong alignment, ulong size)
    {
        ulong ptr = cx.Reallocate(old, oldSize, alignment, size);
        CheckAligned(ptr, alignment);
        CheckInBounds(cx, ptr, size);
        return ptr;
    }

    private void CheckPointerSize(LiftLowerContext cx)
    {
        if (cx.Options.Memory64 != Abi.Memory64) throw new WasmException(WasmErrorKind.Usage, -1, "the options' memory64 differs from the Canonical ABI layout's");
    }
}
