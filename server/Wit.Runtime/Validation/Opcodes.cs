using Wit.Runtime.Binary;

namespace Wit.Runtime.Validation;

/// <summary>Facts about opcodes that the decoder, the validator and the interpreter share.</summary>
internal static class Opcodes
{
    public const byte Unreachable = 0x00, Nop = 0x01, Block = 0x02, Loop = 0x03, If = 0x04, Else = 0x05, End = 0x0B;
    public const byte Br = 0x0C, BrIf = 0x0D, BrTable = 0x0E, Return = 0x0F, Call = 0x10, CallIndirect = 0x11;
    public const byte Drop = 0x1A, Select = 0x1B, SelectT = 0x1C;
    public const byte LocalGet = 0x20, LocalSet = 0x21, LocalTee = 0x22, GlobalGet = 0x23, GlobalSet = 0x24;
    public const byte TableGet = 0x25, TableSet = 0x26;
    public const byte MemorySize = 0x3F, MemoryGrow = 0x40;
    public const byte I32Const = 0x41, I64Const = 0x42, F32Const = 0x43, F64Const = 0x44;
    public const byte RefNull = 0xD0, RefIsNull = 0xD1, RefFunc = 0xD2;
    public const byte PrefixFC = 0xFC, PrefixSimd = 0xFD;
    public const byte Throw = 0x08, ThrowRef = 0x0A, TryTable = 0x1F;

    /// <summary>Whether an opcode is one of exception handling's (<c>throw</c>, <c>throw_ref</c>, <c>try_table</c>).</summary>
    public static bool IsException(byte op) => op is Throw or ThrowRef or TryTable;

    /// <summary>Whether a single-byte opcode exists in WebAssembly 2.0 (SIMD's prefix included).</summary>
    public static bool IsKnown(byte op) =>
        op <= 0x05 || (op >= 0x0B && op <= 0x11) || (op >= 0x1A && op <= 0x1C) || (op >= 0x20 && op <= 0x26)
        || (op >= 0x28 && op <= 0xC4) || (op >= 0xD0 && op <= 0xD2) || op == PrefixFC || op == PrefixSimd;

    /// <summary>For loads and stores (0x28..0x3E): the access size in bytes (log2), and the value type.</summary>
    public static (int AlignLog2, ValType Type, bool IsStore) MemoryAccess(byte op) => op switch
    {
        0x28 => (2, ValType.I32, false),
        0x29 => (3, ValType.I64, false),
        0x2A => (2, ValType.F32, false),
        0x2B => (3, ValType.F64, false),
        0x2C or 0x2D => (0, ValType.I32, false),
        0x2E or 0x2F => (1, ValType.I32, false),
        0x30 or 0x31 => (0, ValType.I64, false),
        0x32 or 0x33 => (1, ValType.I64, false),
        0x34 or 0x35 => (2, ValType.I64, false),
        0x36 => (2, ValType.I32, true),
        0x37 => (3, ValType.I64, true),
        0x38 => (2, ValType.F32, true),
        0x39 => (3, ValType.F64, true),
        0x3A => (0, ValType.I32, true),
        0x3B => (1, ValType.I32, true),
        0x3C => (0, ValType.I64, true),
        0x3D => (1, ValType.I64, true),
        _ => (2, ValType.I64, true), // 0x3E i64.store32
    };

    /// <summary>
    /// The signature of a numeric opcode (0x45..0xC4): its operand types (one or two, <c>B</c> zero for unary) and
    /// result type.
    /// </summary>
    public static (ValType A, ValType B, ValType Result) Numeric(byte op)
    {
        const ValType i32 = ValType.I32, i64 = ValType.I64, f32 = ValType.F32, f64 = ValType.F64;
        const ValType none = 0;
        return op switch
        {
            0x45 => (i32, none, i32),
            <= 0x4F => (i32, i32, i32),
            0x50 => (i64, none, i32),
            <= 0x5A => (i64, i64, i32),
            <= 0x60 => (f32, f32, i32),
            <= 0x66 => (f64, f64, i32),
            <= 0x69 => (i32, none, i32),
            <= 0x78 => (i32, i32, i32),
            <= 0x7B => (i64, none, i64),
            <= 0x8A => (i64, i64, i64),
            <= 0x91 => (f32, none, f32),
            <= 0x98 => (f32, f32, f32),
            <= 0x9F => (f64, none, f64),
            <= 0xA6 => (f64, f64, f64),
            0xA7 => (i64, none, i32),
            0xA8 or 0xA9 => (f32, none, i32),
            0xAA or 0xAB => (f64, none, i32),
            0xAC or 0xAD => (i32, none, i64),
            0xAE or 0xAF => (f32, none, i64),
            0xB0 or 0xB1 => (f64, none, i64),
            0xB2 or 0xB3 => (i32, none, f32),
            0xB4 or 0xB5 => (i64, none, f32),
            0xB6 => (f64, none, f32),
            0xB7 or 0xB8 => (i32, none, f64),
            0xB9 or 0xBA => (i64, none, f64),
            0xBB => (f32, none, f64),
            0xBC => (f32, none, i32),
            0xBD => (f64, none, i64),
            0xBE => (i32, none, f32),
            0xBF => (i64, none, f64),
            0xC0 or 0xC1 => (i32, none, i32),
            _ => (i64, none, i64), // 0xC2..0xC4
        };
    }

    /// <summary>The signature of the saturating truncations (0xFC 0..7).</summary>
    public static (ValType From, ValType To) TruncSat(uint sub) => sub switch
    {
        0 or 1 => (ValType.F32, ValType.I32),
        2 or 3 => (ValType.F64, ValType.I32),
        4 or 5 => (ValType.F32, ValType.I64),
        _ => (ValType.F64, ValType.I64),
    };
}
