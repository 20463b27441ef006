using System;
using System.Collections.Generic;
using Wasmtime.Components;

namespace Wit.Hosting.Wasmtime;

/// <summary>
/// Converts between Wit.Hosting's engine-neutral <see cref="WitValue"/> and Wasmtime's <see cref="ComponentValue"/>.
/// Recursion follows the value's nesting, which its WIT type bounds (WIT types are not recursive).
/// </summary>
internal static class WasmtimeValues
{
    public static ComponentValue ToWasmtime(WitValue value) => value.Kind switch
    {
        WitValueKind.Bool => ComponentValue.Bool(value.AsBool()),
        WitValueKind.S8 => ComponentValue.S8(value.AsS8()),
        WitValueKind.U8 => ComponentValue.U8(value.AsU8()),
        WitValueKind.S16 => ComponentValue.S16(value.AsS16()),
        WitValueKind.U16 => ComponentValue.U16(value.AsU16()),
        WitValueKind.S32 => ComponentValue.S32(value.AsS32()),
        WitValueKind.U32 => ComponentValue.U32(value.AsU32()),
        WitValueKind.S64 => ComponentValue.S64(value.AsS64()),
        WitValueKind.U64 => ComponentValue.U64(value.AsU64()),
        WitValueKind.F32 => ComponentValue.F32(value.AsF32()),
        WitValueKind.F64 => ComponentValue.F64(value.AsF64()),
        WitValueKind.Char => ComponentValue.Char(value.AsChar()),
        WitValueKind.String => ComponentValue.String(value.AsString()),
        WitValueKind.List => ComponentValue.List(ToWasmtime(value.AsList())),
        WitValueKind.Tuple => ComponentValue.Tuple(ToWasmtime(value.AsTuple())),
        WitValueKind.Record => ComponentValue.Record(Fields(value.RecordFieldNames(), value.AsRecord())),
        WitValueKind.Variant => ComponentValue.Variant(value.AsVariant(), Optional(value.Payload)),
        WitValueKind.Enum => ComponentValue.Enum(value.AsEnum()),
        WitValueKind.Option => value.IsSome ? ComponentValue.Some(ToWasmtime(value.RequiredPayload())) : ComponentValue.None(),
        WitValueKind.Result => value.IsOk ? ComponentValue.Ok(Optional(value.Payload)) : ComponentValue.Err(Optional(value.Payload)),
        WitValueKind.Flags => ComponentValue.Flags(value.AsFlags()),
        _ => throw new NotSupportedException($"WIT values of kind {value.Kind} are not supported by the Wasmtime adapter yet."),
    };

    public static WitValue FromWasmtime(ComponentValue value) => value.Kind switch
    {
        ComponentValueKind.Bool => WitValue.Bool(value.AsBool()),
        ComponentValueKind.S8 => WitValue.S8(value.AsS8()),
        ComponentValueKind.U8 => WitValue.U8(value.AsU8()),
        ComponentValueKind.S16 => WitValue.S16(value.AsS16()),
        ComponentValueKind.U16 => WitValue.U16(value.AsU16()),
        ComponentValueKind.S32 => WitValue.S32(value.AsS32()),
        ComponentValueKind.U32 => WitValue.U32(value.AsU32()),
        ComponentValueKind.S64 => WitValue.S64(value.AsS64()),
        ComponentValueKind.U64 => WitValue.U64(value.AsU64()),
        ComponentValueKind.F32 => WitValue.F32(value.AsF32()),
        ComponentValueKind.F64 => WitValue.F64(value.AsF64()),
        ComponentValueKind.Char => WitValue.Char(value.AsRune()),
        ComponentValueKind.String => WitValue.String(value.AsString()),
        ComponentValueKind.List => WitValue.List(FromWasmtime(value.AsList())),
        ComponentValueKind.Tuple => WitValue.Tuple(FromWasmtime(value.AsTuple())),
        ComponentValueKind.Record => Record(value.AsRecord()),
        ComponentValueKind.Variant => WitValue.Variant(value.AsVariant(), Optional(value.Payload)),
        ComponentValueKind.Enum => WitValue.Enum(value.AsEnum()),
        ComponentValueKind.Option => value.IsSome ? WitValue.Some(FromWasmtime(value.Payload!)) : WitValue.None,
        ComponentValueKind.Result => value.IsOk ? WitValue.Ok(Optional(value.Payload)) : WitValue.Err(Optional(value.Payload)),
        ComponentValueKind.Flags => WitValue.Flags(Names(value.AsFlags())),
        _ => throw new NotSupportedException($"Wasmtime values of kind {value.Kind} are not supported by the adapter yet."),
    };

    private static ComponentValue[] ToWasmtime(IReadOnlyList<WitValue> values)
    {
        var converted = new ComponentValue[values.Count];
        for (int i = 0; i < converted.Length; i++) converted[i] = ToWasmtime(values[i]);
        return converted;
    }

    private static WitValue[] FromWasmtime(IReadOnlyList<ComponentValue> values)
    {
        var converted = new WitValue[values.Count];
        for (int i = 0; i < converted.Length; i++) converted[i] = FromWasmtime(values[i]);
        return converted;
    }

    private static ComponentValue? Optional(WitValue? value) => value is { } v ? ToWasmtime(v) : null;

    private static WitValue? Optional(ComponentValue? value) => value is null ? null : FromWasmtime(value);

    private static KeyValuePair<string, ComponentValue>[] Fields(IReadOnlyList<string> names, IReadOnlyList<WitValue> values)
    {
        var fields = new KeyValuePair<string, ComponentValue>[names.Count];
        for (int i = 0; i < fields.Length; i++) fields[i] = new(names[i], ToWasmtime(values[i]));
        return fields;
    }

    private static WitValue Record(IReadOnlyList<KeyValuePair<string, ComponentValue>> fields)
    {
        var names = new string[fields.Count];
        var values = new WitValue[fields.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = fields[i].Key;
            values[i] = FromWasmtime(fields[i].Value);
        }

        return WitValue.Record(names, values);
    }

    private static string[] Names(IReadOnlyCollection<string> names)
    {
        var copy = new string[names.Count];
        int i = 0;
        foreach (string name in names) copy[i++] = name;
        return copy;
    }
}
