using Wit.Runtime.Binary;

namespace Wit.Runtime.Validation;

/// <summary>
/// Decodes function bodies without type-checking them: opcodes, immediates and block structure only. The validator
/// decodes and checks in one pass; when it finds a body invalid, this scan of the remaining bodies decides whether the
/// module is malformed first (as the spec's phases, decoding before validation, would report it).
/// </summary>
internal static class InstructionScanner
{
    /// <summary>Throws the first malformed-encoding error in <paramref name="body"/>, if there is one.</summary>
    public static void Scan(WasmModule m, FunctionBody body)
    {
        var r = new WasmReader(m.Bytes, body.CodeStart, body.CodeEnd);
        int depth = 1;
        while (depth > 0)
        {
            int at = r.Position;
            byte op = r.ReadByte();
            switch (op)
            {
                case Opcodes.Block: case Opcodes.Loop: case Opcodes.If:
                    SkipBlockType(ref r);
                    depth++;
                    break;
                case Opcodes.End:
                    depth--;
                    break;
                case Opcodes.Throw when m.Features.ExceptionHandling:
                    r.ReadU32();
                    break;
                case Opcodes.ThrowRef when m.Features.ExceptionHandling:
                    break;
                case Opcodes.TryTable when m.Features.ExceptionHandling:
                    {
                        SkipBlockType(ref r);
                        int n = r.ReadCount(2);
                        for (int i = 0; i < n; i++)
                        {
                            int kindAt = r.Position;
                            byte kind = r.ReadByte();
                            if (kind > 3)
                            {
                                throw WasmReader.Malformed(kindAt, "malformed catch clause");
                            }
                            if (kind < 2)
                            {
                                r.ReadU32();
                            }
                            r.ReadU32();
                        }
                        depth++;
                        break;
                    }
                case Opcodes.Br: case Opcodes.BrIf: case Opcodes.Call: case Opcodes.LocalGet: case Opcodes.LocalSet:
                case Opcodes.LocalTee: case Opcodes.GlobalGet: case Opcodes.GlobalSet: case Opcodes.TableGet:
                case Opcodes.TableSet: case Opcodes.RefFunc: case Opcodes.MemorySize: case Opcodes.MemoryGrow:
                    r.ReadU32();
                    break;
                case Opcodes.BrTable:
                    {
                        int n = r.ReadCount();
                        for (int i = 0; i <= n; i++)
                        {
                            r.ReadU32();
                        }
                        break;
                    }
                case Opcodes.CallIndirect:
                    r.ReadU32();
                    r.ReadU32();
                    break;
                case Opcodes.SelectT:
                    {
                        int n = r.ReadCount();
                        for (int i = 0; i < n; i++)
                        {
                            ModuleDecoder.ReadValType(ref r, m.Features.ExceptionHandling);
                        }
                        break;
                    }
                case Opcodes.I32Const: r.ReadS32(); break;
                case Opcodes.I64Const: r.ReadS64(); break;
                case Opcodes.F32Const: r.ReadF32Bits(); break;
                case Opcodes.F64Const: r.ReadF64Bits(); break;
                case Opcodes.RefNull: ModuleDecoder.ReadRefType(ref r, m.Features.ExceptionHandling); break;
                case Opcodes.PrefixFC:
                    {
                        uint sub = r.ReadU32();
                        int immediates = sub switch { <= 7 => 0, 9 or 11 or 13 or 15 or 16 or 17 => 1, <= 14 => 2, _ => -1 };
                        if (immediates < 0)
                        {
                            throw WasmReader.Malformed(at, "illegal opcode");
                        }
                        for (int i = 0; i < immediates; i++)
                        {
                            r.ReadU32();
                        }
                        break;
                    }
                default:
                    if (op >= 0x28 && op <= 0x3E)
                    {
                        uint flags = r.ReadU32();
                        if ((flags & 0x40) != 0 && m.Features.MultiMemory)
                        {
                            r.ReadU32();
                        }
                        r.ReadU32();
                    }
                    else if (!Opcodes.IsKnown(op) || op == Opcodes.PrefixSimd)
                    {
                        // SIMD's prefix is known but not decoded here: whatever follows it cannot be scanned.
                        if (op == Opcodes.PrefixSimd)
                        {
                            return;
                        }
                        throw WasmReader.Malformed(at, "illegal opcode");
                    }
                    break;
            }
        }
        if (!r.AtEnd)
        {
            throw WasmReader.Malformed(r.Position, "section size mismatch");
        }
    }

    private static void SkipBlockType(ref WasmReader r)
    {
        byte b = r.PeekByte();
        if (b == 0x40)
        {
            r.Position++;
        }
        else if (b is 0x7F or 0x7E or 0x7D or 0x7C or 0x70 or 0x6F or 0x7B or 0x69)
        {
            r.Position++;
        }
        else
        {
            r.ReadS33();
        }
    }
}
