using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Wit.Runtime.Binary;

namespace Wit.DebugAdapter.Wasm;

/// <summary>
/// Decodes a function body into <see cref="Instruction"/>s with WAT mnemonics and immediates (names from the name
/// section as comments). It reads the bytes itself, bounds-checked: a body it cannot decode (malformed, or SIMD, which
/// the engine does not run) ends with one <c>;; cannot decode</c> pseudo-instruction instead of an exception.
/// </summary>
internal static class Disassembler
{
    private static readonly string[] Names = BuildNames();

    private static readonly string[] FcNames =
    {
        "i32.trunc_sat_f32_s", "i32.trunc_sat_f32_u", "i32.trunc_sat_f64_s", "i32.trunc_sat_f64_u",
        "i64.trunc_sat_f32_s", "i64.trunc_sat_f32_u", "i64.trunc_sat_f64_s", "i64.trunc_sat_f64_u",
        "memory.init", "data.drop", "memory.copy", "memory.fill", "table.init", "elem.drop", "table.copy",
        "table.grow", "table.size", "table.fill",
    };

    private static string[] BuildNames()
    {
        var n = new string[256];
        void Run(int first, string names)
        {
            foreach (var name in names.Split(' '))
            {
                n[first++] = name;
            }
        }
        Run(0x00, "unreachable nop block loop if else");
        Run(0x0B, "end br br_if br_table return call call_indirect");
        Run(0x1A, "drop select select");
        Run(0x20, "local.get local.set local.tee global.get global.set table.get table.set");
        Run(0x28, "i32.load i64.load f32.load f64.load i32.load8_s i32.load8_u i32.load16_s i32.load16_u i64.load8_s "
            + "i64.load8_u i64.load16_s i64.load16_u i64.load32_s i64.load32_u i32.store i64.store f32.store f64.store "
            + "i32.store8 i32.store16 i64.store8 i64.store16 i64.store32 memory.size memory.grow i32.const i64.const "
            + "f32.const f64.const");
        Run(0x45, "i32.eqz i32.eq i32.ne i32.lt_s i32.lt_u i32.gt_s i32.gt_u i32.le_s i32.le_u i32.ge_s i32.ge_u "
            + "i64.eqz i64.eq i64.ne i64.lt_s i64.lt_u i64.gt_s i64.gt_u i64.le_s i64.le_u i64.ge_s i64.ge_u "
            + "f32.eq f32.ne f32.lt f32.gt f32.le f32.ge f64.eq f64.ne f64.lt f64.gt f64.le f64.ge "
            + "i32.clz i32.ctz i32.popcnt i32.add i32.sub i32.mul i32.div_s i32.div_u i32.rem_s i32.rem_u i32.and "
            + "i32.or i32.xor i32.shl i32.shr_s i32.shr_u i32.rotl i32.rotr "
            + "i64.clz i64.ctz i64.popcnt i64.add i64.sub i64.mul i64.div_s i64.div_u i64.rem_s i64.rem_u i64.and "
            + "i64.or i64.xor i64.shl i64.shr_s i64.shr_u i64.rotl i64.rotr "
            + "f32.abs f32.neg f32.ceil f32.floor f32.trunc f32.nearest f32.sqrt f32.add f32.sub f32.mul f32.div "
            + "f32.min f32.max f32.copysign f64.abs f64.neg f64.ceil f64.floor f64.trunc f64.nearest f64.sqrt f64.add "
            + "f64.sub f64.mul f64.div f64.min f64.max f64.copysign "
            + "i32.wrap_i64 i32.trunc_f32_s i32.trunc_f32_u i32.trunc_f64_s i32.trunc_f64_u i64.extend_i32_s "
            + "i64.extend_i32_u i64.trunc_f32_s i64.trunc_f32_u i64.trunc_f64_s i64.trunc_f64_u f32.convert_i32_s "
            + "f32.convert_i32_u f32.convert_i64_s f32.convert_i64_u f32.demote_f64 f64.convert_i32_s "
            + "f64.convert_i32_u f64.convert_i64_s f64.convert_i64_u f64.promote_f32 i32.reinterpret_f32 "
            + "i64.reinterpret_f64 f32.reinterpret_i32 f64.reinterpret_i64 "
            + "i32.extend8_s i32.extend16_s i64.extend8_s i64.extend16_s i64.extend32_s");
        Run(0xD0, "ref.null ref.is_null ref.func");
        // Exception handling.
        n[0x08] = "throw";
        n[0x0A] = "throw_ref";
        n[0x1F] = "try_table";
        return n;
    }

    /// <summary>The instructions of <paramref name="body"/>, in order (its final <c>end</c> included).</summary>
    public static List<Instruction> Decode(WasmModule module, FunctionBody body)
    {
        var list = new List<Instruction>();
        var r = new ByteReader(module.Bytes, body.CodeStart, body.CodeEnd);
        int depth = 0;
        var text = new StringBuilder();
        while (!r.AtEnd)
        {
            int at = r.Position;
            text.Clear();
            int shownDepth = depth;
            try
            {
                byte op = r.U8();
                string? name = Names[op];
                if (op == 0xFC)
                {
                    ulong sub = r.Uleb();
                    name = sub < (ulong)FcNames.Length ? FcNames[sub] : null;
                    if (name == null)
                    {
                        throw new MalformedException($"unknown opcode 0xfc {sub}");
                    }
                    text.Append(name);
                    int immediates = sub switch { <= 7 => 0, 9 or 11 or 13 or 15 or 16 or 17 => 1, _ => 2 };
                    for (int i = 0; i < immediates; i++)
                    {
                        text.Append(' ').Append(r.Uleb());
                    }
                }
                else if (name == null)
                {
                    throw new MalformedException(op == 0xFD ? "SIMD instruction (not run by this engine)" : $"unknown opcode 0x{op:x2}");
                }
                else
                {
                    text.Append(name);
                    Immediates(module, body, op, ref r, text);
                }
                switch (op)
                {
                    case 0x02: case 0x03: case 0x04: case 0x1F:
                        depth++;
                        break;
                    case 0x05:
                        shownDepth = depth - 1;
                        break;
                    case 0x0B:
                        depth--;
                        shownDepth = depth;
                        break;
                }
            }
            catch (MalformedException e)
            {
                list.Add(new Instruction(at, body.CodeEnd - at, ";; cannot decode: " + e.Message, Math.Max(depth, 0)));
                break;
            }
            list.Add(new Instruction(at, r.Position - at, text.ToString(), Math.Max(shownDepth, 0)));
        }
        return list;
    }

    private static void Immediates(WasmModule module, FunctionBody body, byte op, ref ByteReader r, StringBuilder text)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (op)
        {
            case 0x02: case 0x03: case 0x04:
                BlockType(ref r, text);
                break;
            case 0x0C: case 0x0D: case 0x08:
                text.Append(' ').Append(r.Uleb());
                break;
            case 0x1F:
                {
                    BlockType(ref r, text);
                    ulong n = r.Uleb();
                    if (n > (ulong)(r.End - r.Position))
                    {
                        throw new MalformedException("try_table with more catch clauses than the body has bytes");
                    }
                    for (ulong i = 0; i < n; i++)
                    {
                        byte kind = r.U8();
                        string clause = kind switch
                        {
                            0 => "catch",
                            1 => "catch_ref",
                            2 => "catch_all",
                            3 => "catch_all_ref",
                            _ => throw new MalformedException($"unknown catch clause 0x{kind:x2}"),
                        };
                        text.Append(" (").Append(clause);
                        if (kind < 2)
                        {
                            text.Append(' ').Append(r.Uleb());
                        }
                        text.Append(' ').Append(r.Uleb()).Append(')');
                    }
                    break;
                }
            case 0x0E:
                {
                    ulong n = r.Uleb();
                    if (n > (ulong)(r.End - r.Position))
                    {
                        throw new MalformedException("br_table longer than the body");
                    }
                    for (ulong i = 0; i <= n; i++)
                    {
                        text.Append(' ').Append(r.Uleb());
                    }
                    break;
                }
            case 0x10:
                {
                    ulong f = r.Uleb();
                    text.Append(' ').Append(f);
                    if (f < int.MaxValue && module.FunctionName((int)f) is string fname)
                    {
                        text.Append(" ;; $").Append(fname);
                    }
                    break;
                }
            case 0x11:
                text.Append(" (type ").Append(r.Uleb()).Append(')');
                text.Append(" (table ").Append(r.Uleb()).Append(')');
                break;
            case 0x1C:
                {
                    ulong n = r.Uleb();
                    if (n > (ulong)(r.End - r.Position))
                    {
                        throw new MalformedException("select type list longer than the body");
                    }
                    text.Append(" (result");
                    for (ulong i = 0; i < n; i++)
                    {
                        text.Append(' ').Append(TypeName(r.U8()));
                    }
                    text.Append(')');
                    break;
                }
            case 0x20: case 0x21: case 0x22:
                {
                    ulong l = r.Uleb();
                    text.Append(' ').Append(l);
                    if (module.Names != null && module.Names.LocalNames.TryGetValue(body.Index, out var locals)
                        && l < int.MaxValue && locals.TryGetValue((int)l, out var lname))
                    {
                        text.Append(" ;; $").Append(lname);
                    }
                    break;
                }
            case 0x23: case 0x24: case 0x25: case 0x26: case 0x3F: case 0x40: case 0xD2:
                text.Append(' ').Append(r.Uleb());
                break;
            case 0x41:
                text.Append(' ').Append((int)r.Sleb());
                break;
            case 0x42:
                text.Append(' ').Append(r.Sleb());
                break;
            case 0x43:
                text.Append(' ').Append(BitConverter.UInt32BitsToSingle(r.U32()).ToString("R", inv));
                break;
            case 0x44:
                text.Append(' ').Append(BitConverter.UInt64BitsToDouble(r.U64()).ToString("R", inv));
                break;
            case 0xD0:
                text.Append(' ').Append(r.U8() switch { 0x70 => "func", 0x69 => "exn", _ => "extern" });
                break;
            default:
                if (op >= 0x28 && op <= 0x3E)
                {
                    ulong flags = r.Uleb();
                    ulong memory = 0;
                    if ((flags & 0x40) != 0)
                    {
                        memory = r.Uleb();
                    }
                    ulong offset = r.Uleb();
                    if (memory != 0)
                    {
                        text.Append(' ').Append(memory);
                    }
                    if (offset != 0)
                    {
                        text.Append(" offset=").Append(offset);
                    }
                    text.Append(" align=").Append(1UL << (int)Math.Min(flags & 0x3F, 63));
                }
                break;
        }
    }

    private static void BlockType(ref ByteReader r, StringBuilder text)
    {
        var save = r.Position;
        byte b = r.U8();
        if (b == 0x40)
        {
            return;
        }
        if (b is 0x7F or 0x7E or 0x7D or 0x7C or 0x7B or 0x70 or 0x6F or 0x69)
        {
            text.Append(" (result ").Append(TypeName(b)).Append(')');
            return;
        }
        r.Position = save;
        long index = r.Sleb();
        text.Append(" (type ").Append(index).Append(')');
    }

    public static string TypeName(byte b) => b switch
    {
        0x7F => "i32",
        0x7E => "i64",
        0x7D => "f32",
        0x7C => "f64",
        0x7B => "v128",
        0x70 => "funcref",
        0x6F => "externref",
        0x69 => "exnref",
        _ => $"0x{b:x2}",
    };
}
