using System;
using System.Text;
using static Wit.Hosting.Wasmtime.Native;

namespace Wit.Hosting.Wasmtime;

/// <summary>
/// Converts between Wit.Hosting's <see cref="WitValue"/> and libwasmtime's <c>wasmtime_component_val_t</c>. Values are
/// written as Wasmtime owns them (through its own allocators), so that a host function's results can be handed over
/// and an export's arguments freed with <c>wasmtime_component_val_delete</c>. Handles of host resources go through
/// <see cref="HostResources"/>, handles of the component's own resources as <see cref="ComponentResource"/>. Recursion follows the value's nesting, which its WIT type bounds.
/// </summary>
internal unsafe sealed class NativeValues
{
    private readonly nint _context;
    private readonly InstanceState _state;
    private readonly HostResources _resources;

    public NativeValues(nint context, InstanceState state)
    {
        _context = context;
        _state = state;
        _resources = state.Resources;
    }

    /// <summary>Writes <paramref name="value"/> into the uninitialised value at <paramref name="target"/>, owned by Wasmtime.</summary>
    public void Write(WitValue value, byte* target)
    {
        byte* of = target + 8;
        switch (value.Kind)
        {
            case WitValueKind.Bool: *target = Kinds.Bool; *of = value.AsBool() ? (byte)1 : (byte)0; break;
            case WitValueKind.S8: *target = Kinds.S8; *(sbyte*)of = value.AsS8(); break;
            case WitValueKind.U8: *target = Kinds.U8; *of = value.AsU8(); break;
            case WitValueKind.S16: *target = Kinds.S16; *(short*)of = value.AsS16(); break;
            case WitValueKind.U16: *target = Kinds.U16; *(ushort*)of = value.AsU16(); break;
            case WitValueKind.S32: *target = Kinds.S32; *(int*)of = value.AsS32(); break;
            case WitValueKind.U32: *target = Kinds.U32; *(uint*)of = value.AsU32(); break;
            case WitValueKind.S64: *target = Kinds.S64; *(long*)of = value.AsS64(); break;
            case WitValueKind.U64: *target = Kinds.U64; *(ulong*)of = value.AsU64(); break;
            case WitValueKind.F32: *target = Kinds.F32; *(float*)of = value.AsF32(); break;
            case WitValueKind.F64: *target = Kinds.F64; *(double*)of = value.AsF64(); break;
            case WitValueKind.Char: *target = Kinds.Char; *(uint*)of = (uint)value.AsChar().Value; break;
            case WitValueKind.String: *target = Kinds.String; WriteName(value.AsString(), of); break;
            case WitValueKind.Enum: *target = Kinds.Enum; WriteName(value.AsEnum(), of); break;
            case WitValueKind.List:
                *target = Kinds.List;
                WriteValues(value.AsList(), of, static (vec, n) => wasmtime_component_vallist_new_uninit((Vec*)vec, n));
                break;
            case WitValueKind.Tuple:
                *target = Kinds.Tuple;
                WriteValues(value.AsTuple(), of, static (vec, n) => wasmtime_component_valtuple_new_uninit((Vec*)vec, n));
                break;
            case WitValueKind.Record:
            {
                *target = Kinds.Record;
                var names = value.RecordFieldNames();
                var fields = value.AsRecord();
                var vec = (Vec*)of;
                wasmtime_component_valrecord_new_uninit(vec, (nuint)fields.Count);
                for (int i = 0; i < fields.Count; i++)
                {
                    byte* entry = vec->Data + i * RecordEntrySize;
                    WriteName(names[i], entry);
                    Write(fields[i], entry + NameSize);
                }

                break;
            }

            case WitValueKind.Variant:
                *target = Kinds.Variant;
                WriteName(value.AsVariant(), of);
                *(byte**)(of + NameSize) = Boxed(value.Payload);
                break;
            case WitValueKind.Option:
                *target = Kinds.Option;
                *(byte**)of = Boxed(value.Payload);
                break;
            case WitValueKind.Result:
                *target = Kinds.Result;
                *of = value.IsOk ? (byte)1 : (byte)0;
                *(byte**)(of + 8) = Boxed(value.Payload);
                break;
            case WitValueKind.Flags:
            {
                *target = Kinds.Flags;
                var names = value.AsFlags();
                var vec = (Vec*)of;
                wasmtime_component_valflags_new_uninit(vec, (nuint)names.Count);
                for (int i = 0; i < names.Count; i++) WriteName(names[i], vec->Data + i * NameSize);
                break;
            }

            case WitValueKind.Map:
            {
                *target = Kinds.Map;
                var keys = value.MapKeys();
                var values = value.MapValues();
                var vec = (Vec*)of;
                wasmtime_component_valmap_new_uninit(vec, (nuint)keys.Count);
                for (int i = 0; i < keys.Count; i++)
                {
                    Write(keys[i], vec->Data + i * MapEntrySize);
                    Write(values[i], vec->Data + i * MapEntrySize + ValueSize);
                }

                break;
            }

            case WitValueKind.Resource:
                *target = Kinds.Resource;
                *(nint*)of = ResourceHandle(value);
                break;
            default:
                throw new NotSupportedException($"WIT values of kind {value.Kind} are not supported by the Wasmtime adapter.");
        }
    }

    /// <summary>The value at <paramref name="source"/> (which stays Wasmtime's).</summary>
    public WitValue Read(byte* source)
    {
        byte* of = source + 8;
        switch (*source)
        {
            case Kinds.Bool: return WitValue.Bool(*of != 0);
            case Kinds.S8: return WitValue.S8(*(sbyte*)of);
            case Kinds.U8: return WitValue.U8(*of);
            case Kinds.S16: return WitValue.S16(*(short*)of);
            case Kinds.U16: return WitValue.U16(*(ushort*)of);
            case Kinds.S32: return WitValue.S32(*(int*)of);
            case Kinds.U32: return WitValue.U32(*(uint*)of);
            case Kinds.S64: return WitValue.S64(*(long*)of);
            case Kinds.U64: return WitValue.U64(*(ulong*)of);
            case Kinds.F32: return WitValue.F32(*(float*)of);
            case Kinds.F64: return WitValue.F64(*(double*)of);
            case Kinds.Char: return WitValue.Char(new Rune(*(uint*)of));
            case Kinds.String: return WitValue.String(ReadName(of));
            case Kinds.Enum: return WitValue.Enum(ReadName(of));
            case Kinds.List: return WitValue.List(ReadValues(of));
            case Kinds.Tuple: return WitValue.Tuple(ReadValues(of));
            case Kinds.Record:
            {
                var vec = (Vec*)of;
                var names = new string[checked((int)vec->Size)];
                var values = new WitValue[names.Length];
                for (int i = 0; i < names.Length; i++)
                {
                    byte* entry = vec->Data + i * RecordEntrySize;
                    names[i] = ReadName(entry);
                    values[i] = Read(entry + NameSize);
                }

                return WitValue.Record(names, values);
            }

            case Kinds.Variant: return WitValue.Variant(ReadName(of), Unboxed(*(byte**)(of + NameSize)));
            case Kinds.Option: return *(byte**)of is var some && some != null ? WitValue.Some(Read(some)) : WitValue.None;
            case Kinds.Result: return *of != 0 ? WitValue.Ok(Unboxed(*(byte**)(of + 8))) : WitValue.Err(Unboxed(*(byte**)(of + 8)));
            case Kinds.Flags:
            {
                var vec = (Vec*)of;
                var names = new string[checked((int)vec->Size)];
                for (int i = 0; i < names.Length; i++) names[i] = ReadName(vec->Data + i * NameSize);
                return WitValue.Flags(names);
            }

            case Kinds.Map:
            {
                var vec = (Vec*)of;
                var keys = new WitValue[checked((int)vec->Size)];
                var values = new WitValue[keys.Length];
                for (int i = 0; i < keys.Length; i++)
                {
                    keys[i] = Read(vec->Data + i * MapEntrySize);
                    values[i] = Read(vec->Data + i * MapEntrySize + ValueSize);
                }

                return WitValue.Map(keys, values);
            }

            case Kinds.Resource: return ReadResource(*(nint*)of);
            default: throw new NotSupportedException($"Wasmtime values of kind {*source} are not supported by the adapter.");
        }
    }

    private void WriteValues(System.Collections.Generic.IReadOnlyList<WitValue> items, byte* of, Action<nint, nuint> allocate)
    {
        var vec = (Vec*)of;
        allocate((nint)vec, (nuint)items.Count);
        for (int i = 0; i < items.Count; i++) Write(items[i], vec->Data + i * ValueSize);
    }

    private WitValue[] ReadValues(byte* of)
    {
        var vec = (Vec*)of;
        var values = new WitValue[checked((int)vec->Size)];
        for (int i = 0; i < values.Length; i++) values[i] = Read(vec->Data + i * ValueSize);
        return values;
    }

    private byte* Boxed(WitValue? payload)
    {
        if (payload is not { } value) return null;
        byte* temporary = stackalloc byte[ValueSize];
        new Span<byte>(temporary, ValueSize).Clear();
        Write(value, temporary);
        return wasmtime_component_val_new(temporary);
    }

    private WitValue? Unboxed(byte* payload) => payload == null ? null : Read(payload);

    private static void WriteName(string text, byte* target)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        fixed (byte* data = bytes) wasm_byte_vec_new((Vec*)target, (nuint)bytes.Length, data);
    }

    private static string ReadName(byte* source)
    {
        var vec = (Vec*)source;
        return Encoding.UTF8.GetString(vec->Data, checked((int)vec->Size));
    }

    private nint ResourceHandle(WitValue value)
    {
        if (value.AsResource() is ComponentResource component) return component.Lower(value.IsOwn, _state);
        if (value.AsResource() is WitComponentResource other) throw new InvalidOperationException($"The handle of `{other.Resource}` belongs to another engine.");
        uint type = _resources.TypeOf(value.ResourceName());
        uint rep = value.IsOwn ? _resources.Add(value.AsResource(), type) : _resources.Lend(value.AsResource(), type);
        nint host = wasmtime_component_resource_host_new(value.IsOwn, rep, type);
        try
        {
            nint any;
            Check(wasmtime_component_resource_host_to_any(_context, host, &any));
            return any;
        }
        finally
        {
            wasmtime_component_resource_host_delete(host);
        }
    }

    private WitValue ReadResource(nint any)
    {
        nint host;
        nint error = wasmtime_component_resource_any_to_host(_context, any, &host);
        if (error != 0)
        {
            // Not a host resource: one of the component's, which the host now holds (the value read stays Wasmtime's).
            Message(error);
            var handle = new ComponentResource(_state, _state.ComponentResourceName(any), wasmtime_component_resource_any_clone(any));
            return wasmtime_component_resource_any_owned(any) ? WitValue.Own(handle) : WitValue.Borrow(handle);
        }

        try
        {
            uint rep = wasmtime_component_resource_host_rep(host);
            uint type = wasmtime_component_resource_host_type(host);
            if (type >= _resources.Types.Count) throw new InvalidOperationException($"The component passed a host resource of unknown type {type}.");
            string name = _resources.Types[(int)type];
            // An owned handle given back makes the host the object's owner again: it leaves the table, undisposed.
            return wasmtime_component_resource_host_owned(host)
                ? WitValue.Own(name, _resources.Remove(rep, type))
                : WitValue.Borrow(name, _resources.Get(rep, type));
        }
        finally
        {
            wasmtime_component_resource_host_delete(host);
        }
    }
}
