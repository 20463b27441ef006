using System;
using Wasmtime.Components;

namespace Wit.Hosting.Wasmtime;

/// <summary>Converts between Wit.Hosting's engine-neutral <see cref="WitValue"/> and Wasmtime's <see cref="ComponentValue"/>.</summary>
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
        _ => throw new NotSupportedException($"Wasmtime values of kind {value.Kind} are not supported by the adapter yet."),
    };
}
