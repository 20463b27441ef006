using System.Collections.Generic;
using Wit.Core.Abi;
using Wit.Core.Semantics;

namespace Wit.Runtime.Canonical;

public sealed partial class CanonicalCodec
{
    /// <summary><c>load</c>: the value of <paramref name="type"/> at <paramref name="ptr"/> (which must be aligned and inside the memory).</summary>
    public ComponentValue Load(LiftLowerContext cx, ulong ptr, WitType type)
    {
        CheckPointerSize(cx);
        var layout = LayoutOf(type);
        CheckAligned(ptr, (ulong)layout.Alignment);
        CheckInBounds(cx, ptr, (ulong)layout.Size);
        return LoadAt(cx, ptr, type, 0);
    }

    /// <summary><c>lift_flat</c>: the value of <paramref name="type"/> from its flat core values.</summary>
    public ComponentValue LiftFlat(LiftLowerContext cx, IFlatSource source, WitType type)
    {
        CheckPointerSize(cx);
        return LiftFlatAt(cx, source, type, 0);
    }

    /// <summary>
    /// <c>lift_flat_values</c>: the values of <paramref name="types"/>, from flat core values when they flatten to at
    /// most <paramref name="maxFlat"/>, else from the tuple a single pointer points to.
    /// </summary>
    public ComponentValue[] LiftFlatValues(LiftLowerContext cx, int maxFlat, IFlatSource source, IReadOnlyList<WitType> types)
    {
        CheckPointerSize(cx);
        var values = new ComponentValue[types.Count];
        if (FlatCount(types) > maxFlat)
        {
            ulong ptr = source.Next(PointerType);
            var layout = TupleLayoutOf(types);
            CheckAligned(ptr, (ulong)layout.Alignment);
            CheckInBounds(cx, ptr, (ulong)layout.Size);
            for (int i = 0; i < types.Count; i++) values[i] = LoadAt(cx, ptr + (ulong)layout.FieldOffsets[i], types[i], 0);
            return values;
        }

        for (int i = 0; i < types.Count; i++) values[i] = LiftFlatAt(cx, source, types[i], 0);
        return values;
    }

    private ComponentValue LoadAt(LiftLowerContext cx, ulong ptr, WitType type, int depth)
    {
        CheckDepth(depth);
        var t = Unalias(type);
        if (t.Definition is not { } definition)
        {
            return t.Primitive switch
            {
                PrimitiveType.String => LoadString(cx, ptr),
                PrimitiveType.ErrorContext => throw ErrorContextNotSupported(),
                var primitive => Scalar(primitive, ReadUInt(cx.Bytes, ptr, ScalarSize(primitive))),
            };
        }

        switch (Shape.Of(definition))
        {
            case ShapeKind.Scalar4:
                return LiftHandle(cx, definition, ReadUInt(cx.Bytes, ptr, 4));
            case ShapeKind.DynamicList:
                int p = PointerSize;
                return LoadListFromRange(cx, ReadUInt(cx.Bytes, ptr, p), ReadUInt(cx.Bytes, ptr + (ulong)p, p), ElementOf(definition), depth);
            case ShapeKind.FixedList:
            {
                var element = definition.Element ?? throw Unresolved(definition);
                ulong size = (ulong)LayoutOf(element).Size;
                var items = new ComponentValue[definition.FixedLength];
                for (uint i = 0; i < definition.FixedLength; i++) items[i] = LoadAt(cx, ptr + i * size, element, depth + 1);
                return ComponentValue.List(items);
            }

            case ShapeKind.Record:
            {
                var fields = Shape.Fields(definition) ?? throw Unresolved(definition);
                var offsets = LayoutOf(t).FieldOffsets;
                var items = new ComponentValue[fields.Count];
                for (int i = 0; i < fields.Count; i++) items[i] = LoadAt(cx, ptr + (ulong)offsets[i], fields[i], depth + 1);
                return ComponentValue.Record(items);
            }

            case ShapeKind.Variant:
            {
                var cases = Shape.Cases(definition);
                var layout = LayoutOf(t);
                ulong index = ReadUInt(cx.Bytes, ptr, layout.DiscriminantSize);
                var payload = CaseAt(cases, index);
                return ComponentValue.Case((uint)index, payload is { } pt ? LoadAt(cx, ptr + (ulong)layout.PayloadOffset, pt, depth + 1) : null);
            }

            case ShapeKind.Flags:
                return ComponentValue.Flags(FlagsMask(definition, ReadUInt(cx.Bytes, ptr, (int)LayoutOf(t).Size)));
            default:
                throw NotCarried(definition);
        }
    }

    /// <summary>The payload type of case <paramref name="index"/>; an index past the cases traps.</summary>
    private static WitType? CaseAt(List<WitType?> cases, ulong index)
    {
        if (index >= (ulong)cases.Count) throw CanonicalTrapException.Of(CanonicalTrap.InvalidDiscriminant, $"case index {index} is not below the variant's {cases.Count} cases");
        return cases[(int)index];
    }

    /// <summary><c>unpack_flags_from_int</c>: the bits of the labels, higher bits ignored.</summary>
    private static uint FlagsMask(TypeDefinition flags, ulong bits)
    {
        int count = flags.Members.Count;
        return (uint)(count >= 32 ? bits & 0xffffffff : bits & ((1UL << count) - 1));
    }

    private ComponentValue LoadListFromRange(LiftLowerContext cx, ulong ptr, ulong length, ListElement element, int depth)
    {
        ulong size = (ulong)element.Layout.Size;
        if (length > MaxListByteLength / size) throw CanonicalTrapException.Of(CanonicalTrap.ListTooLong, $"a list of {length} elements of {size} bytes is longer than {MaxListByteLength} bytes");
        CheckAligned(ptr, (ulong)element.Layout.Alignment);
        CheckInBounds(cx, ptr, length * size);
        cx.Options.Copied?.Invoke((long)(length * size));
        var items = new ComponentValue[length];
        for (ulong i = 0; i < length; i++) items[i] = LoadElement(cx, ptr + i * size, element, depth + 1);
        return ComponentValue.List(items);
    }

    private ComponentValue LoadElement(LiftLowerContext cx, ulong ptr, ListElement element, int depth)
    {
        if (element.Pair is not { } pair) return LoadAt(cx, ptr, element.Single, depth);
        var offsets = element.Layout.FieldOffsets;
        return ComponentValue.Record(LoadAt(cx, ptr + (ulong)offsets[0], pair[0], depth + 1), LoadAt(cx, ptr + (ulong)offsets[1], pair[1], depth + 1));
    }

    private ComponentValue LiftFlatAt(LiftLowerContext cx, IFlatSource source, WitType type, int depth)
    {
        CheckDepth(depth);
        var t = Unalias(type);
        if (t.Definition is not { } definition)
        {
            switch (t.Primitive)
            {
                case PrimitiveType.String:
                    ulong ptr = source.Next(PointerType);
                    return LoadStringFromRange(cx, ptr, source.Next(PointerType));
                case PrimitiveType.ErrorContext:
                    throw ErrorContextNotSupported();
                case PrimitiveType.U64 or PrimitiveType.S64:
                    return Scalar(t.Primitive, source.Next(CoreValueType.I64));
                case PrimitiveType.F32:
                    return Scalar(t.Primitive, source.Next(CoreValueType.F32));
                case PrimitiveType.F64:
                    return Scalar(t.Primitive, source.Next(CoreValueType.F64));
                default:
                    return Scalar(t.Primitive, source.Next(CoreValueType.I32));
            }
        }

        switch (Shape.Of(definition))
        {
            case ShapeKind.Scalar4:
                return LiftHandle(cx, definition, source.Next(CoreValueType.I32));
            case ShapeKind.DynamicList:
                ulong ptr = source.Next(PointerType);
                return LoadListFromRange(cx, ptr, source.Next(PointerType), ElementOf(definition), depth);
            case ShapeKind.FixedList:
            {
                // Grown as values arrive: the length is the type's, and a type may claim more than the values given.
                var element = definition.Element ?? throw Unresolved(definition);
                var items = new List<ComponentValue>();
                for (uint i = 0; i < definition.FixedLength; i++) items.Add(LiftFlatAt(cx, source, element, depth + 1));
                return ComponentValue.List(items.ToArray());
            }

            case ShapeKind.Record:
            {
                var fields = Shape.Fields(definition) ?? throw Unresolved(definition);
                var items = new ComponentValue[fields.Count];
                for (int i = 0; i < fields.Count; i++) items[i] = LiftFlatAt(cx, source, fields[i], depth + 1);
                return ComponentValue.Record(items);
            }

            case ShapeKind.Variant:
            {
                var joined = FlatOf(t);
                ulong index = source.Next(CoreValueType.I32);
                var payloadType = CaseAt(Shape.Cases(definition), index);
                var payloadSource = new CoercingSource(source, joined, 1);
                var payload = payloadType is { } pt ? LiftFlatAt(cx, payloadSource, pt, depth + 1) : null;
                for (int i = payloadSource.Position; i < joined.Count; i++) source.Next(joined[i]);
                return ComponentValue.Case((uint)index, payload);
            }

            case ShapeKind.Flags:
                return ComponentValue.Flags(FlagsMask(definition, source.Next(CoreValueType.I32)));
            default:
                throw NotCarried(definition);
        }
    }

    /// <summary><c>lift_own</c> and <c>lift_borrow</c>: the rep behind a handle index of the instance's table.</summary>
    private static ComponentValue LiftHandle(LiftLowerContext cx, TypeDefinition definition, ulong index)
    {
        if (definition.Kind != TypeDefinitionKind.Handle) throw NotCarried(definition);
        var expected = cx.ResourceOf((definition.Resource ?? throw Unresolved(definition)).Unaliased());
        if (definition.HandleKind == HandleKind.Own)
        {
            var handle = cx.Instance.Handles.Remove(index);
            if (!ReferenceEquals(handle.Type, expected)) throw TypeMismatch(handle, expected);
            if (handle.Lends != 0) throw CanonicalTrapException.Of(CanonicalTrap.HandleLent, $"handle {index} is lent to {handle.Lends} call(s) and cannot be moved");
            if (!handle.Own) throw CanonicalTrapException.Of(CanonicalTrap.NotOwned, $"handle {index} is a borrow where an owned handle is required");
            return ComponentValue.Own(handle.Rep);
        }

        var subtask = cx.Subtask ?? throw new WasmException(WasmErrorKind.Usage, -1, "lifting a borrow needs the call it is lent to (a subtask)");
        var borrowed = cx.Instance.Handles.Get(index);
        if (!ReferenceEquals(borrowed.Type, expected)) throw TypeMismatch(borrowed, expected);
        subtask.AddLender(borrowed);
        return ComponentValue.Borrow(borrowed.Rep);
    }

    private static CanonicalTrapException TypeMismatch(ResourceHandle handle, ResourceType expected) =>
        CanonicalTrapException.Of(CanonicalTrap.ResourceTypeMismatch, $"the handle is a `{handle.Type}`, not a `{expected}`");
}
