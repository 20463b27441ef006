using System.Globalization;
using Wit.Runtime.Binary;
using Wit.Runtime.Execution;

namespace Wit.DebugAdapter.Session;

/// <summary>How the debugger shows wasm values: by their type, with the type's name.</summary>
internal static class Values
{
    public static string Format(WasmValue v, Instance? instance = null)
    {
        var inv = CultureInfo.InvariantCulture;
        return v.Type switch
        {
            ValType.I32 => v.AsI32.ToString(inv),
            ValType.I64 => v.AsI64.ToString(inv),
            ValType.F32 => v.AsF32.ToString("R", inv),
            ValType.F64 => v.AsF64.ToString("R", inv),
            ValType.V128 => $"0x{v.Bits:x16} (low 64 bits)",
            ValType.FuncRef => v.IsNull ? "null" : FuncRef(v, instance),
            _ => v.IsNull ? "null" : $"extern #{v.Bits - 1}",
        };
    }

    private static string FuncRef(WasmValue v, Instance? instance) =>
        instance?.Store.FunctionOf(v) is WasmFunction f ? $"func {f.Name ?? "[" + f.Index + "]"}" : $"func #{v.Bits - 1}";

    public static string TypeName(ValType t) => TypeNames.Of(t);

    /// <summary>An operand stack slot, whose type the interpreter does not keep: its 64 bits, and as i32 when they fit.</summary>
    public static string FormatOperand(ulong bits) =>
        bits <= uint.MaxValue ? $"{(int)(uint)bits} (0x{bits:x})" : $"{(long)bits} (0x{bits:x})";

    public static string Hex(long address) => "0x" + address.ToString("x", CultureInfo.InvariantCulture);
}
