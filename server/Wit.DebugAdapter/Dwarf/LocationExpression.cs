using System;
using System.Collections.Generic;
using Wit.DebugAdapter.Wasm;

namespace Wit.DebugAdapter.Dwarf;

/// <summary>Where a variable is: at an address in linear memory, or a value computed by its expression (DW_OP_stack_value), or not available (why).</summary>
internal readonly record struct VariableLocation(bool InMemory, ulong Value, string? Unavailable)
{
    public static VariableLocation Memory(ulong address) => new(true, address, null);

    public static VariableLocation Computed(ulong value) => new(false, value, null);

    public static VariableLocation None(string why) => new(false, 0, why);
}

/// <summary>What a location expression reads of the stopped frame: wasm locals, globals, operands (top last), memory.</summary>
internal interface IWasmFrameState
{
    ulong? Local(int index);

    ulong? Global(int index);

    /// <summary>The operand <paramref name="depthFromTop"/> below the top of the frame's operand stack (0 is the top).</summary>
    ulong? Operand(int depthFromTop);

    byte[]? Memory { get; }
}

/// <summary>
/// Evaluates DWARF location expressions as clang emits them for WebAssembly: DW_OP_WASM_location (0xED: a wasm local,
/// global or operand stack entry's value pushed), DW_OP_fbreg over the subprogram's frame base, DW_OP_addr, constants,
/// arithmetic, DW_OP_deref, DW_OP_plus_uconst and DW_OP_stack_value. An expression has no branches here (DW_OP_skip and
/// DW_OP_bra are refused), so evaluation is one pass over at most <see cref="MaxOps"/> operations with a stack of at
/// most <see cref="MaxStack"/> entries. Anything it does not understand gives an unavailable location, never an exception.
/// </summary>
internal static class LocationExpression
{
    public const int MaxOps = 256, MaxStack = 64;

    /// <summary>
    /// Evaluates the expression in <paramref name="bytes"/>[start, start + length). <paramref name="frameBase"/> is the
    /// frame base for DW_OP_fbreg (null: not available). <paramref name="scalar"/>: a lone DW_OP_WASM_location names the
    /// location holding the value itself (as DW_OP_regN does), which is how it reads for a scalar; for an aggregate the
    /// local holds its address (LLVM's byval arguments).
    /// </summary>
    public static VariableLocation Evaluate(byte[] bytes, int start, int length, IWasmFrameState frame, ulong? frameBase,
        DebugInfo info, DwarfUnit unit, bool scalar)
    {
        try
        {
            return Run(bytes, start, length, frame, frameBase, info, unit, scalar);
        }
        catch (MalformedException e)
        {
            return VariableLocation.None(e.Message);
        }
    }

    private static VariableLocation Run(byte[] bytes, int start, int length, IWasmFrameState frame, ulong? frameBase,
        DebugInfo info, DwarfUnit unit, bool scalar)
    {
        if (length == 0)
        {
            return VariableLocation.None("optimized out");
        }
        var r = new ByteReader(bytes, start, start + length);
        var stack = new List<ulong>();
        bool stackValue = false, wasmOnly = true;
        int ops = 0;
        void Push(ulong v)
        {
            if (stack.Count >= MaxStack)
            {
                throw new MalformedException("location expression stack too deep");
            }
            stack.Add(v);
        }
        ulong Pop()
        {
            if (stack.Count == 0)
            {
                throw new MalformedException("location expression pops an empty stack");
            }
            ulong v = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            return v;
        }
        while (!r.AtEnd)
        {
            if (++ops > MaxOps)
            {
                throw new MalformedException("location expression too long");
            }
            byte op = r.U8();
            if (op != 0xED)
            {
                wasmOnly = false;
            }
            switch (op)
            {
                case 0x03: Push(unit.AddressSize == 8 ? r.U64() : r.U32()); break;
                case 0x06:
                    {
                        ulong a = Pop();
                        var m = frame.Memory ?? throw new MalformedException("no memory to dereference");
                        if (a > (ulong)m.Length - 4)
                        {
                            throw new MalformedException($"dereference of 0x{a:x} outside memory");
                        }
                        Push(BitConverter.ToUInt32(m, (int)a));
                        break;
                    }
                case 0x08: Push(r.U8()); break;
                case 0x09: Push((ulong)(long)(sbyte)r.U8()); break;
                case 0x0a: Push(r.U16()); break;
                case 0x0b: Push((ulong)(long)(short)r.U16()); break;
                case 0x0c: Push(r.U32()); break;
                case 0x0d: Push((ulong)(long)(int)r.U32()); break;
                case 0x0e: case 0x0f: Push(r.U64()); break;
                case 0x10: Push(r.Uleb()); break;
                case 0x11: Push((ulong)r.Sleb()); break;
                case 0x12: { ulong v = Pop(); Push(v); Push(v); break; }
                case 0x13: Pop(); break;
                case 0x14: { ulong b = Pop(), a = Pop(); Push(a); Push(b); Push(a); break; }
                case 0x16: { ulong b = Pop(), a = Pop(); Push(b); Push(a); break; }
                case 0x1a: Push(Pop() & Pop()); break;
                case 0x1c: { ulong b = Pop(), a = Pop(); Push(a - b); break; }
                case 0x1e: Push(Pop() * Pop()); break;
                case 0x1f: Push((ulong)-(long)Pop()); break;
                case 0x20: Push(~Pop()); break;
                case 0x21: Push(Pop() | Pop()); break;
                case 0x22: Push(Pop() + Pop()); break;
                case 0x23: Push(Pop() + r.Uleb()); break;
                case 0x24: { ulong b = Pop(), a = Pop(); Push(b >= 64 ? 0 : a << (int)b); break; }
                case 0x25: { ulong b = Pop(), a = Pop(); Push(b >= 64 ? 0 : a >> (int)b); break; }
                case 0x27: Push(Pop() ^ Pop()); break;
                case >= 0x30 and <= 0x4f: Push((ulong)(op - 0x30)); break;
                case 0x91:
                    {
                        long offset = r.Sleb();
                        if (frameBase is not { } fb)
                        {
                            throw new MalformedException("the frame base is not available");
                        }
                        Push(fb + (ulong)offset);
                        break;
                    }
                case 0x9f: stackValue = true; break;
                case 0xa1: case 0xa2:
                    Push(info.IndexedAddress(unit, r.Uleb()) ?? throw new MalformedException("address index outside .debug_addr"));
                    break;
                case 0xED:
                    {
                        ulong kind = r.Uleb();
                        int index = kind == 3 ? (int)Math.Min(r.U32(), int.MaxValue) : (int)Math.Min(r.Uleb(), int.MaxValue);
                        ulong? v = kind switch
                        {
                            0 => frame.Local(index),
                            1 or 3 => frame.Global(index),
                            2 => frame.Operand(index),
                            _ => throw new MalformedException($"DW_OP_WASM_location kind {kind}"),
                        };
                        Push(v ?? throw new MalformedException($"wasm {(kind == 0 ? "local" : kind == 2 ? "operand" : "global")} {index} is not available here"));
                        break;
                    }
                case 0x93:
                    throw new MalformedException("pieces (DW_OP_piece) are not supported");
                default:
                    throw new MalformedException($"location operation 0x{op:x2} is not supported");
            }
        }
        if (stack.Count == 0)
        {
            return VariableLocation.None("optimized out");
        }
        if (stackValue || (wasmOnly && scalar))
        {
            return VariableLocation.Computed(stack[^1]);
        }
        return VariableLocation.Memory(stack[^1]);
    }
}
