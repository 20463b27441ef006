using System.Collections.Generic;
using System.Globalization;
using Wit.Core.Abi;

namespace Wit.Core.Witx.Semantics;

/// <summary>
/// The witx crate's ABI for <c>@interface func</c>s (the interface-types-era lowering WASI preview1 uses): which
/// results a function may have, its core signature, and the two instruction programs that adapt between interface
/// values and core values, named as the crate's <c>.witxt</c> tests name them.
/// </summary>
/// <remarks>
/// Parameters lower one by one: integers, floats, <c>char</c>, handles, pointers and enum-like variants to one value;
/// flags to their integer; a list or string to a pointer and a length; any other record or variant to the address of
/// a copy in memory. A function has no result, or one: a scalar, a handle, a pointer, flags, or an
/// <c>(expected T (error E))</c> whose error comes back as the core result (an <c>errno</c>) and whose <c>T</c> (each
/// element, for a tuple) is written through an out-pointer parameter appended to the parameters. Those payloads must be
/// named types, because bindings load and store them by name.
/// </remarks>
public static class WitxAbi
{
    /// <summary>Why these results are outside the ABI (the witx crate's reason), or null when they are inside.</summary>
    public static string? ResultsProblem(IReadOnlyList<WitxMember> results)
    {
        if (results.Count == 0) return null;
        if (results.Count > 1) return "more than one result";
        if (results[0].Type is not { } result) return null;
        var type = result.Type;
        switch (type.Kind)
        {
            case WitxTypeKind.Variant:
                if (!type.TryGetExpected(out var ok, out var err)) return "invalid return type";
                if (ok is not null)
                {
                    if (ok.Type.IsTuple)
                    {
                        foreach (var member in ok.Type.Members)
                        {
                            if (member.Type is { IsNamed: false }) return "only named types are allowed in results";
                        }
                    }
                    else if (!ok.IsNamed)
                    {
                        return "only named types are allowed in results";
                    }
                }

                return err is { IsNamed: false } ? "only named types are allowed in results" : null;
            case WitxTypeKind.Record:
                return type.IsBitflags ? null : "invalid return type";
            case WitxTypeKind.List:
                return "invalid return type";
            default:
                return null;
        }
    }

    /// <summary>
    /// The core signature, or null when a parameter or result type did not resolve or the results are outside the ABI.
    /// </summary>
    public static WitxCoreSignature? Signature(WitxFunction function)
    {
        if (function.AbiProblem is not null || ResultsProblem(function.Results) is not null) return null;
        var parameters = new List<CoreValueType>();
        var results = new List<CoreValueType>();
        foreach (var parameter in function.Params)
        {
            if (parameter.Type is not { } reference || reference.Type.Kind == WitxTypeKind.Error) return null;
            var type = reference.Type;
            if (type.Kind == WitxTypeKind.List)
            {
                parameters.Add(CoreValueType.I32);
                parameters.Add(CoreValueType.I32);
            }
            else
            {
                parameters.Add(ValueType(type));
            }
        }

        int returnPointers = 0;
        foreach (var result in function.Results)
        {
            if (result.Type is not { } reference || reference.Type.Kind == WitxTypeKind.Error) return null;
            var type = reference.Type;
            if (type.Kind != WitxTypeKind.Variant)
            {
                results.Add(ValueType(type));
                continue;
            }

            results.Add(type.Repr == WitxIntRepr.U64 ? CoreValueType.I64 : CoreValueType.I32);
            if (type.IsEnumLike || type.Members[0].Type is not { } ok) continue;
            returnPointers = ok.Type.IsTuple ? ok.Type.Members.Count : 1;
            for (int i = 0; i < returnPointers; i++) parameters.Add(CoreValueType.I32);
        }

        return new WitxCoreSignature(parameters, results, returnPointers);
    }

    /// <summary>
    /// The program that calls the core function from interface values (<c>call_wasm</c>: a guest binding lowering its
    /// arguments, calling the import and lifting its result), as instruction names.
    /// </summary>
    public static IReadOnlyList<string> CallWasmProgram(WitxFunction function)
    {
        var program = new List<string>();
        for (int i = 0; i < function.Params.Count; i++)
        {
            program.Add(GetArg(i));
            if (function.Params[i].Type is { } type) Lower(program, type, null);
        }

        var result = function.Results.Count > 0 ? function.Results[0].Type : null;
        if (result is not null) PrepareReturnPointers(program, result.Type);
        program.Add("call.wasm");
        if (result is not null) Lift(program, result, isReturn: true);
        program.Add("return");
        return program;
    }

    /// <summary>
    /// The program that implements the core function by calling the interface function (<c>call_interface</c>: a host
    /// lifting the core arguments, calling its implementation and lowering the result), as instruction names.
    /// </summary>
    public static IReadOnlyList<string> CallInterfaceProgram(WitxFunction function)
    {
        var program = new List<string>();
        int next = 0;
        foreach (var parameter in function.Params)
        {
            program.Add(GetArg(next++));
            if (parameter.Type is not { } type) continue;
            if (type.Type.Kind == WitxTypeKind.List) program.Add(GetArg(next++));
            Lift(program, type, isReturn: false);
        }

        program.Add("call.interface");
        if (function.Results.Count > 0 && function.Results[0].Type is { } result) Lower(program, result, next);
        program.Add("return");
        return program;
    }

    private static CoreValueType ValueType(WitxType type) => type.Kind switch
    {
        WitxTypeKind.Builtin => type.Builtin switch
        {
            WitxBuiltinType.U64 or WitxBuiltinType.S64 => CoreValueType.I64,
            WitxBuiltinType.F32 => CoreValueType.F32,
            WitxBuiltinType.F64 => CoreValueType.F64,
            _ => CoreValueType.I32,
        },
        WitxTypeKind.Record when type.IsBitflags && type.Repr == WitxIntRepr.U64 => CoreValueType.I64,
        _ => CoreValueType.I32,
    };

    private static string GetArg(int index) => "get-arg" + index.ToString(CultureInfo.InvariantCulture);

    private static void PrepareReturnPointers(List<string> program, WitxType result)
    {
        if (result.Kind != WitxTypeKind.Variant || result.Members.Count == 0 || result.Members[0].Type is not { } ok) return;
        int count = ok.Type.IsTuple ? ok.Type.Members.Count : 1;
        for (int i = 0; i < count; i++)
        {
            program.Add("allocate-space");
            program.Add("return_pointer.get" + i.ToString(CultureInfo.InvariantCulture));
        }
    }

    // Lowering an `expected` error lowers at most one more level (its error type is named, so lowering it is a single
    // instruction or an address), so this recursion is at most two deep whatever the input.
    private static void Lower(List<string> program, WitxTypeRef reference, int? returnPointer)
    {
        var type = reference.Type;
        switch (type.Kind)
        {
            case WitxTypeKind.Builtin:
                program.Add(type.Builtin switch
                {
                    WitxBuiltinType.S8 => "i32.from_s8",
                    WitxBuiltinType.Char8 => "i32.from_char8",
                    WitxBuiltinType.U8 => "i32.from_u8",
                    WitxBuiltinType.S16 => "i32.from_s16",
                    WitxBuiltinType.U16 => "i32.from_u16",
                    WitxBuiltinType.S32 => "i32.from_s32",
                    WitxBuiltinType.Usize => "i32.from_usize",
                    WitxBuiltinType.U32 => "i32.from_u32",
                    WitxBuiltinType.S64 => "i64.from_s64",
                    WitxBuiltinType.U64 => "i64.from_u64",
                    WitxBuiltinType.Char => "i32.from_char",
                    WitxBuiltinType.F32 => "f32.from_if32",
                    _ => "f64.from_if64",
                });
                break;
            case WitxTypeKind.Pointer:
                program.Add("i32.from_pointer");
                break;
            case WitxTypeKind.ConstPointer:
                program.Add("i32.from_const_pointer");
                break;
            case WitxTypeKind.Handle:
                program.Add("i32.from_handle");
                break;
            case WitxTypeKind.List:
                program.Add("list.pointer_length");
                break;
            case WitxTypeKind.Record:
                program.Add(!type.IsBitflags ? "addr-of" : type.Repr == WitxIntRepr.U64 ? "i64.from_bitflags" : "i32.from_bitflags");
                break;
            case WitxTypeKind.Variant when type.IsEnumLike:
                program.Add("enum.lower");
                break;
            case WitxTypeKind.Variant when returnPointer is null || !type.TryGetExpected(out _, out _):
                program.Add("addr-of");
                break;
            case WitxTypeKind.Variant:
                type.TryGetExpected(out var ok, out var err);
                program.Add("block.push");
                if (ok is not null)
                {
                    program.Add("variant-payload");
                    if (ok.Type.IsTuple)
                    {
                        program.Add("tuple.lower");
                        // The tuple's elements are on the stack with the last on top, so they are stored last first.
                        for (int i = ok.Type.Members.Count - 1; i >= 0; i--) Store(program, returnPointer.Value + i);
                    }
                    else
                    {
                        Store(program, returnPointer.Value);
                    }
                }

                program.Add("block.finish");
                program.Add("block.push");
                if (err is not null)
                {
                    program.Add("variant-payload");
                    Lower(program, err, null);
                }

                program.Add("block.finish");
                program.Add("result.lower");
                break;
        }
    }

    private static void Store(List<string> program, int argument)
    {
        program.Add(GetArg(argument));
        program.Add("store");
    }

    private static void Lift(List<string> program, WitxTypeRef reference, bool isReturn)
    {
        var type = reference.Type;
        switch (type.Kind)
        {
            case WitxTypeKind.Builtin:
                program.Add(type.Builtin switch
                {
                    WitxBuiltinType.S8 => "s8.from_i32",
                    WitxBuiltinType.Char8 => "char8.from_i32",
                    WitxBuiltinType.U8 => "u8.from_i32",
                    WitxBuiltinType.S16 => "s16.from_i32",
                    WitxBuiltinType.U16 => "u16.from_i32",
                    WitxBuiltinType.S32 => "s32.from_i32",
                    WitxBuiltinType.Usize => "usize.from_i32",
                    WitxBuiltinType.U32 => "u32.from_i32",
                    WitxBuiltinType.S64 => "s64.from_i64",
                    WitxBuiltinType.U64 => "u64.from_i64",
                    WitxBuiltinType.Char => "char.from_i32",
                    WitxBuiltinType.F32 => "if32.from_f32",
                    _ => "if64.from_f64",
                });
                break;
            case WitxTypeKind.Pointer:
                program.Add("pointer.from_i32");
                break;
            case WitxTypeKind.ConstPointer:
                program.Add("const_pointer.from_i32");
                break;
            case WitxTypeKind.Handle:
                program.Add("handle.from_i32");
                break;
            case WitxTypeKind.List:
                program.Add("list.from_pointer_length");
                break;
            case WitxTypeKind.Record:
                program.Add(!type.IsBitflags ? "load" : type.Repr == WitxIntRepr.U64 ? "bitflags.from_i64" : "bitflags.from_i32");
                break;
            case WitxTypeKind.Variant when type.IsEnumLike:
                program.Add("enum.lift");
                break;
            case WitxTypeKind.Variant when !isReturn || !type.TryGetExpected(out _, out _):
                program.Add("load");
                break;
            case WitxTypeKind.Variant:
                type.TryGetExpected(out var ok, out var err);
                program.Add("block.push");
                if (ok is not null)
                {
                    if (ok.Type.IsTuple)
                    {
                        for (int i = 0; i < ok.Type.Members.Count; i++) Load(program, i);
                        program.Add("tuple.lift");
                    }
                    else
                    {
                        Load(program, 0);
                    }
                }

                program.Add("block.finish");
                program.Add("block.push");
                if (err is not null)
                {
                    program.Add("reuse_return");
                    Lift(program, err, isReturn: false);
                }

                program.Add("block.finish");
                program.Add("result.lift");
                break;
        }
    }

    private static void Load(List<string> program, int pointer)
    {
        program.Add("return_pointer.get" + pointer.ToString(CultureInfo.InvariantCulture));
        program.Add("load");
    }
}
