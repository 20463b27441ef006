using System.Collections.Generic;

namespace Wit.Runtime.Text;

/// <summary>What follows an instruction's name in the text format.</summary>
internal enum Imm : byte
{
    None,
    Block,
    Label,
    BrTable,
    Func,
    CallIndirect,
    Local,
    Global,
    Table,
    Memarg,
    Memory,
    MemoryInit,
    MemoryCopy,
    Data,
    Elem,
    TableInit,
    TableCopy,
    I32,
    I64,
    F32,
    F64,
    RefNull,
    Select,
}

/// <summary>One plain instruction: its opcode (<see cref="Prefix"/> 0 for single-byte ones) and immediates.</summary>
internal readonly record struct WatOp(byte Prefix, uint Code, Imm Imm, int NaturalAlignLog2 = 0);

/// <summary>The instruction names of WebAssembly 2.0 (without SIMD) and how to encode each.</summary>
internal static class WatInstructions
{
    public static readonly Dictionary<string, WatOp> ByName = Build();

    private static Dictionary<string, WatOp> Build()
    {
        var d = new Dictionary<string, WatOp>(System.StringComparer.Ordinal)
        {
            ["unreachable"] = new(0, 0x00, Imm.None),
            ["nop"] = new(0, 0x01, Imm.None),
            ["block"] = new(0, 0x02, Imm.Block),
            ["loop"] = new(0, 0x03, Imm.Block),
            ["if"] = new(0, 0x04, Imm.Block),
            ["br"] = new(0, 0x0C, Imm.Label),
            ["br_if"] = new(0, 0x0D, Imm.Label),
            ["br_table"] = new(0, 0x0E, Imm.BrTable),
            ["return"] = new(0, 0x0F, Imm.None),
            ["call"] = new(0, 0x10, Imm.Func),
            ["call_indirect"] = new(0, 0x11, Imm.CallIndirect),
            ["drop"] = new(0, 0x1A, Imm.None),
            ["select"] = new(0, 0x1B, Imm.Select),
            ["local.get"] = new(0, 0x20, Imm.Local),
            ["local.set"] = new(0, 0x21, Imm.Local),
            ["local.tee"] = new(0, 0x22, Imm.Local),
            ["global.get"] = new(0, 0x23, Imm.Global),
            ["global.set"] = new(0, 0x24, Imm.Global),
            ["table.get"] = new(0, 0x25, Imm.Table),
            ["table.set"] = new(0, 0x26, Imm.Table),
            ["memory.size"] = new(0, 0x3F, Imm.Memory),
            ["memory.grow"] = new(0, 0x40, Imm.Memory),
            ["i32.const"] = new(0, 0x41, Imm.I32),
            ["i64.const"] = new(0, 0x42, Imm.I64),
            ["f32.const"] = new(0, 0x43, Imm.F32),
            ["f64.const"] = new(0, 0x44, Imm.F64),
            ["ref.null"] = new(0, 0xD0, Imm.RefNull),
            ["ref.is_null"] = new(0, 0xD1, Imm.None),
            ["ref.func"] = new(0, 0xD2, Imm.Func),
            ["memory.init"] = new(0xFC, 8, Imm.MemoryInit),
            ["data.drop"] = new(0xFC, 9, Imm.Data),
            ["memory.copy"] = new(0xFC, 10, Imm.MemoryCopy),
            ["memory.fill"] = new(0xFC, 11, Imm.Memory),
            ["table.init"] = new(0xFC, 12, Imm.TableInit),
            ["elem.drop"] = new(0xFC, 13, Imm.Elem),
            ["table.copy"] = new(0xFC, 14, Imm.TableCopy),
            ["table.grow"] = new(0xFC, 15, Imm.Table),
            ["table.size"] = new(0xFC, 16, Imm.Table),
            ["table.fill"] = new(0xFC, 17, Imm.Table),
        };
        string[] memory =
        {
            "i32.load:2", "i64.load:3", "f32.load:2", "f64.load:3", "i32.load8_s:0", "i32.load8_u:0", "i32.load16_s:1",
            "i32.load16_u:1", "i64.load8_s:0", "i64.load8_u:0", "i64.load16_s:1", "i64.load16_u:1", "i64.load32_s:2",
            "i64.load32_u:2", "i32.store:2", "i64.store:3", "f32.store:2", "f64.store:3", "i32.store8:0", "i32.store16:1",
            "i64.store8:0", "i64.store16:1", "i64.store32:2",
        };
        for (int i = 0; i < memory.Length; i++)
        {
            var parts = memory[i].Split(':');
            d[parts[0]] = new WatOp(0, (uint)(0x28 + i), Imm.Memarg, parts[1][0] - '0');
        }
        string[] compare = { "eqz", "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u" };
        string[] floatCompare = { "eq", "ne", "lt", "gt", "le", "ge" };
        string[] intArith = { "clz", "ctz", "popcnt", "add", "sub", "mul", "div_s", "div_u", "rem_s", "rem_u", "and", "or", "xor", "shl", "shr_s", "shr_u", "rotl", "rotr" };
        string[] floatArith = { "abs", "neg", "ceil", "floor", "trunc", "nearest", "sqrt", "add", "sub", "mul", "div", "min", "max", "copysign" };
        uint code = 0x45;
        Add(d, "i32.", compare, ref code);
        Add(d, "i64.", compare, ref code);
        Add(d, "f32.", floatCompare, ref code);
        Add(d, "f64.", floatCompare, ref code);
        Add(d, "i32.", intArith, ref code);
        Add(d, "i64.", intArith, ref code);
        Add(d, "f32.", floatArith, ref code);
        Add(d, "f64.", floatArith, ref code);
        string[] conversions =
        {
            "i32.wrap_i64", "i32.trunc_f32_s", "i32.trunc_f32_u", "i32.trunc_f64_s", "i32.trunc_f64_u", "i64.extend_i32_s",
            "i64.extend_i32_u", "i64.trunc_f32_s", "i64.trunc_f32_u", "i64.trunc_f64_s", "i64.trunc_f64_u",
            "f32.convert_i32_s", "f32.convert_i32_u", "f32.convert_i64_s", "f32.convert_i64_u", "f32.demote_f64",
            "f64.convert_i32_s", "f64.convert_i32_u", "f64.convert_i64_s", "f64.convert_i64_u", "f64.promote_f32",
            "i32.reinterpret_f32", "i64.reinterpret_f64", "f32.reinterpret_i32", "f64.reinterpret_i64",
            "i32.extend8_s", "i32.extend16_s", "i64.extend8_s", "i64.extend16_s", "i64.extend32_s",
        };
        Add(d, "", conversions, ref code);
        string[] saturating =
        {
            "i32.trunc_sat_f32_s", "i32.trunc_sat_f32_u", "i32.trunc_sat_f64_s", "i32.trunc_sat_f64_u",
            "i64.trunc_sat_f32_s", "i64.trunc_sat_f32_u", "i64.trunc_sat_f64_s", "i64.trunc_sat_f64_u",
        };
        for (int i = 0; i < saturating.Length; i++)
        {
            d[saturating[i]] = new WatOp(0xFC, (uint)i, Imm.None);
        }
        return d;
    }

    private static void Add(Dictionary<string, WatOp> d, string prefix, string[] names, ref uint code)
    {
        foreach (string n in names)
        {
            d[prefix + n] = new WatOp(0, code++, Imm.None);
        }
    }
}
