using System.Collections.Generic;
using Wit.Core.Abi;
using Wit.Core.Semantics;
using Wit.Runtime.Execution;

namespace Wit.Runtime.Canonical;

public sealed partial class CanonicalCodec
{
    /// <summary><c>store</c>: writes <paramref name="value"/> of <paramref name="type"/> at <paramref name="ptr"/> (aligned, inside the memory).</summary>
    public void Store(LiftLowerContext cx, ComponentValue value, WitType type, ulong ptr)
    {
        CheckPointerSize(cx);
        var layout = LayoutOf(type);
        CheckAligned(ptr, (ulong)layout.Alignment);
        CheckInBounds(cx, ptr, (ulong)layout.Size);
        StoreAt(cx, value, type, ptr, 0);
    }

    /// <summary><c>lower_flat</c>: the flat core values of <paramref name="value"/>.</summary>
    public WasmValue[] LowerFlat(LiftLowerContext cx, ComponentValue value, WitType type)
    {
        CheckPointerSize(cx);
        var bits = new List<ulong>();
        LowerFlatAt(cx, value, type, bits, 0);
        return Typed(bits, FlatOf(type));
    }

    /// <summary>
    /// <c>lower_flat_values</c>: the flat core values of <paramref name="values"/> when they flatten to at most
    /// <paramref name="maxFlat"/>; else the values are stored as a tuple, at a pointer read from
    /// <paramref name="outPointer"/> (a lowered import's return pointer) or allocated by realloc and returned.
    /// </summary>
    public WasmValue[] LowerFlatValues(LiftLowerContext cx, int maxFlat, IReadOnlyList<ComponentValue> values, IReadOnlyList<WitType> types, IFlatSource? outPointer = null)
    {
        CheckPointerSize(cx);
        if (values.Count != types.Count) throw new WasmException(WasmErrorKind.Usage, -1, $"{values.Count} values for {types.Count} types");
        if (FlatCount(types) > maxFlat)
        {
            var layout = TupleLayoutOf(types);
            ulong ptr;
            WasmValue[] flat;
            if (outPointer is null)
            {
                ptr = cx.Allocate((ulong)layout.Alignment, (ulong)layout.Size);
                flat = new[] { Abi.Memory64 ? WasmValue.I64((long)ptr) : WasmValue.I32((int)(uint)ptr) };
            }
            else
            {
                ptr = outPointer.Next(PointerType);
                flat = System.Array.Empty<WasmValue>();
            }

            CheckAligned(ptr, (ulong)layout.Alignment);
            CheckInBounds(cx, ptr, (ulong)layout.Size);
            for (int i = 0; i < types.Count; i++) StoreAt(cx, values[i], types[i], ptr + (ulong)layout.FieldOffsets[i], 0);
            return flat;
        }

        var bits = new List<ulong>();
        var kinds = new List<CoreValueType>();
        for (int i = 0; i < types.Count; i++)
        {
            LowerFlatAt(cx, values[i], types[i], bits, 0);
            kinds.AddRange(FlatOf(types[i]));
        }

        return Typed(bits, kinds);
    }

    private static WasmValue[] Typed(List<ulong> bits, IReadOnlyList<CoreValueType> kinds)
    {
        var result = new WasmValue[bits.Count];
        for (int i = 0; i < result.Length; i++) result[i] = new WasmValue(ValTypeOf(kinds[i]), bits[i]);
        return result;
    }

    private void StoreAt(LiftLowerContext cx, ComponentValue value, WitType type, ulong ptr, int depth)
    {
        CheckDepth(depth);
        var t = Unalias(type);
        if (StoreOutOfLine(cx, value, t, depth) is var (begin, count))
        {
            WriteUInt(cx.Bytes, ptr, PointerSize, begin);
            WriteUInt(cx.Bytes, ptr + (ulong)PointerSize, PointerSize, count);
            return;
        }

        if (t.Definition is not { } definition)
        {
            WriteUInt(cx.Bytes, ptr, ScalarSize(t.Primitive), ScalarBits(value, t.Primitive, t));
            return;
        }

        switch (Shape.Of(definition))
        {
            case ShapeKind.Scalar4:
                WriteUInt(cx.Bytes, ptr, 4, LowerHandle(cx, value, definition, t));
                return;

            case ShapeKind.FixedList:
            {
                var element = definition.Element ?? throw Unresolved(definition);
                var items = ExpectCount(Expect(value, ComponentValueKind.List, t), definition.FixedLength, t);
                ulong size = (ulong)LayoutOf(element).Size;
                for (int i = 0; i < items.Count; i++) StoreAt(cx, items[i], element, ptr + (ulong)i * size, depth + 1);
                return;
            }

            case ShapeKind.Record:
            {
                var fields = Shape.Fields(definition) ?? throw Unresolved(definition);
                var items = ExpectCount(Expect(value, ComponentValueKind.Record, t), (uint)fields.Count, t);
                var offsets = LayoutOf(t).FieldOffsets;
                for (int i = 0; i < fields.Count; i++) StoreAt(cx, items[i], fields[i], ptr + (ulong)offsets[i], depth + 1);
                return;
            }

            case ShapeKind.Variant:
            {
                var (index, payloadType, payload) = MatchCase(value, definition, t);
                var layout = LayoutOf(t);
                WriteUInt(cx.Bytes, ptr, layout.DiscriminantSize, index);
                if (payloadType is { } pt) StoreAt(cx, payload!, pt, ptr + (ulong)layout.PayloadOffset, depth + 1);
                return;
            }

            case ShapeKind.Flags:
                WriteUInt(cx.Bytes, ptr, (int)LayoutOf(t).Size, FlagsBits(value, definition, t));
                return;
            default:
                throw NotCarried(definition);
        }
    }

    /// <summary>
    /// Strings and lists, which live out of line: copied into memory realloc gives, and represented by a pointer and a
    /// count. Null for other types (an error context, which is not yet supported, is refused here).
    /// </summary>
    private (ulong Begin, ulong Count)? StoreOutOfLine(LiftLowerContext cx, ComponentValue value, WitType t, int depth)
    {
        if (t.Definition is null)
        {
            if (t.Primitive == PrimitiveType.ErrorContext) throw ErrorContextNotSupported();
            return t.Primitive == PrimitiveType.String ? StoreStringIntoRange(cx, Expect(value, ComponentValueKind.String, t)) : null;
        }

        return Shape.Of(t.Definition) == ShapeKind.DynamicList
            ? StoreListIntoRange(cx, Expect(value, ComponentValueKind.List, t), ElementOf(t.Definition), depth)
            : null;
    }

    private static IReadOnlyList<ComponentValue> ExpectCount(ComponentValue value, uint count, WitType type) =>
        value.Items.Count == count ? value.Items : throw new WasmException(WasmErrorKind.Usage, -1, $"the value {value} has {value.Items.Count} items, where `{type}` has {count}");

    /// <summary><c>match_case</c>: the case index, its payload type and the payload, checked against the type.</summary>
    private static (uint Index, WitType? PayloadType, ComponentValue? Payload) MatchCase(ComponentValue value, TypeDefinition definition, WitType type)
    {
        var v = Expect(value, ComponentValueKind.Case, type);
        var cases = Shape.Cases(definition);
        if (v.Bits >= (ulong)cases.Count) throw new WasmException(WasmErrorKind.Usage, -1, $"case {v.Bits} is not one of the {cases.Count} cases of `{type}`");
        var payloadType = cases[(int)v.Bits];
        if ((payloadType is null) != (v.Payload is null)) throw new WasmException(WasmErrorKind.Usage, -1, $"case {v.Bits} of `{type}` {(payloadType is null ? "has no payload" : "needs a payload")}");
        return ((uint)v.Bits, payloadType, v.Payload);
    }

    private static ulong FlagsBits(ComponentValue value, TypeDefinition definition, WitType type)
    {
        var v = Expect(value, ComponentValueKind.Flags, type);
        int count = definition.Members.Count;
        if (count < 64 && v.Bits >> count != 0) throw new WasmException(WasmErrorKind.Usage, -1, $"the flags 0x{v.Bits:x} set bits past the {count} flags of `{type}`");
        return v.Bits;
    }

    private (ulong Begin, ulong Length) StoreListIntoRange(LiftLowerContext cx, ComponentValue list, ListElement element, int depth)
    {
        ulong size = (ulong)element.Layout.Size;
        ulong length = (ulong)list.Items.Count;
        ulong byteLength = length * size;
        ulong alignment = (ulong)element.Layout.Alignment;
        ulong ptr = Reserve(cx, 0, 0, alignment, byteLength);
        cx.Options.Copied?.Invoke((long)byteLength);
        for (int i = 0; i < list.Items.Count; i++)
        {
            ulong at = ptr + (ulong)i * size;
            if (element.Pair is not { } pair)
            {
                StoreAt(cx, list.Items[i], element.Single, at, depth + 1);
                continue;
            }

            var entry = ExpectCount(list.Items[i], 2, element.Single);
            StoreAt(cx, entry[0], pair[0], at + (ulong)element.Layout.FieldOffsets[0], depth + 1);
            StoreAt(cx, entry[1], pair[1], at + (ulong)element.Layout.FieldOffsets[1], depth + 1);
        }

        return (ptr, length);
    }

    private void LowerFlatAt(LiftLowerContext cx, ComponentValue value, WitType type, List<ulong> output, int depth)
    {
        CheckDepth(depth);
        var t = Unalias(type);
        if (StoreOutOfLine(cx, value, t, depth) is var (begin, count))
        {
            output.Add(begin);
            output.Add(count);
            return;
        }

        if (t.Definition is not { } definition)
        {
            ulong bits = ScalarBits(value, t.Primitive, t);
            output.Add(t.Primitive is PrimitiveType.U64 or PrimitiveType.S64 or PrimitiveType.F64 ? bits : (uint)bits);
            return;
        }

        switch (Shape.Of(definition))
        {
            case ShapeKind.Scalar4:
                output.Add(LowerHandle(cx, value, definition, t));
                return;

            case ShapeKind.FixedList:
            {
                var element = definition.Element ?? throw Unresolved(definition);
                foreach (var item in ExpectCount(Expect(value, ComponentValueKind.List, t), definition.FixedLength, t)) LowerFlatAt(cx, item, element, output, depth + 1);
                return;
            }

            case ShapeKind.Record:
            {
                var fields = Shape.Fields(definition) ?? throw Unresolved(definition);
                var items = ExpectCount(Expect(value, ComponentValueKind.Record, t), (uint)fields.Count, t);
                for (int i = 0; i < fields.Count; i++) LowerFlatAt(cx, items[i], fields[i], output, depth + 1);
                return;
            }

            case ShapeKind.Variant:
            {
                // The payload's values go into the joined slots as they are: f32 bits in an i32 or i64, i32 zero-extended
                // to i64, f64 bits in an i64; the slots the case does not use are zeros.
                int joined = FlatOf(t).Count;
                var (index, payloadType, payload) = MatchCase(value, definition, t);
                int start = output.Count;
                output.Add(index);
                if (payloadType is { } pt) LowerFlatAt(cx, payload!, pt, output, depth + 1);
                while (output.Count < start + joined) output.Add(0);
                return;
            }

            case ShapeKind.Flags:
                output.Add(FlagsBits(value, definition, t));
                return;
            default:
                throw NotCarried(definition);
        }
    }

    /// <summary><c>lower_own</c> and <c>lower_borrow</c>: a new handle in the instance's table for the rep (a borrow of the instance's own resource is the rep itself).</summary>
    private static ulong LowerHandle(LiftLowerContext cx, ComponentValue value, TypeDefinition definition, WitType type)
    {
        if (definition.Kind != TypeDefinitionKind.Handle) throw NotCarried(definition);
        var resource = cx.ResourceOf((definition.Resource ?? throw Unresolved(definition)).Unaliased());
        if (definition.HandleKind == HandleKind.Own)
        {
            var own = Expect(value, ComponentValueKind.Own, type);
            return (ulong)cx.Instance.Handles.Add(new ResourceHandle(resource, (uint)own.Bits, own: true, borrowScope: null));
        }

        var borrow = Expect(value, ComponentValueKind.Borrow, type);
        var task = cx.Task ?? throw new WasmException(WasmErrorKind.Usage, -1, "lowering a borrow needs the call it is lent to (a task)");
        if (ReferenceEquals(cx.Instance, resource.Implementation)) return borrow.Bits;
        int index = cx.Instance.Handles.Add(new ResourceHandle(resource, (uint)borrow.Bits, own: false, borrowScope: task));
        task.Borrows++;
        return (ulong)index;
    }
}
