using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using Wit.Runtime.Validation;
using static Wit.Runtime.Execution.NumericOps;

namespace Wit.Runtime.Execution;

internal sealed partial class Machine
{
    private const string OutOfBoundsMemory = "out of bounds memory access";
    private const string OutOfBoundsTable = "out of bounds table access";

    /// <summary>
    /// Runs <paramref name="entry"/>, whose arguments are on top of the operand stack, until it returns; its results
    /// are then at the arguments' place. One loop runs every nested wasm call.
    /// </summary>
    // Fully optimized from the first call: the loop runs long, and tiering would leave it in on-stack-replaced tier-0 code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Run<TMode>(WasmFunction entry) where TMode : struct, IMode
    {
        ulong[] s = _stack;
        int entryDepth = _depth;
        int depth = entryDepth;
        int sp = _sp;
        WasmFunction fn = entry;
        int fp = sp - fn.ParamCount;
        if (fp + fn.FrameSize > s.Length)
        {
            throw Trap("call stack exhausted", fn, fn.Body.CodeStart, depth, WasmErrorKind.Exhaustion);
        }
        Array.Clear(s, sp, fn.LocalCount - fn.ParamCount);
        sp = fp + fn.LocalCount;
        byte[] code = fn.Code;
        BranchEntry[] side = fn.Side;
        int pc = fn.Body.CodeStart;
        int stp = 0;
        Instance inst = fn.Instance;
        MemoryInstance? mem0 = inst.Memory0;
        DebugHooks? hooks = TMode.Hooks ? Hooks : null;
        if (TMode.Hooks)
        {
            _fps[depth] = fp;
        }
        if (--Fuel < 0)
        {
            throw Trap("fuel exhausted", fn, pc, depth, WasmErrorKind.Limit);
        }

        while (true)
        {
            int ip = pc;
            if (TMode.Hooks)
            {
                var map = hooks!.BreakMap;
                if (hooks.Attention || ((uint)ip < (uint)map.Length && map[ip]))
                {
                    MaybePause(hooks, fn, ip, fp, sp, depth);
                }
            }
            byte op = code[pc++];
            switch (op)
            {
                case Opcodes.Unreachable:
                    throw Trap("unreachable", fn, ip, depth);
                case Opcodes.Nop:
                case Opcodes.Block:
                    if (op == Opcodes.Block)
                    {
                        Leb.Skip(code, ref pc);
                    }
                    break;
                case Opcodes.Loop:
                    Leb.Skip(code, ref pc);
                    if (--Fuel < 0)
                    {
                        throw Trap("fuel exhausted", fn, ip, depth, WasmErrorKind.Limit);
                    }
                    break;
                case Opcodes.If:
                    Leb.Skip(code, ref pc);
                    if ((uint)s[--sp] != 0)
                    {
                        stp++;
                    }
                    else
                    {
                        ref var e = ref side[stp];
                        pc = e.TargetPc;
                        stp = e.TargetStp;
                    }
                    break;
                case Opcodes.Else:
                    {
                        ref var e = ref side[stp];
                        pc = e.TargetPc;
                        stp = e.TargetStp;
                        break;
                    }
                case Opcodes.End:
                    if (pc != fn.Body.CodeEnd)
                    {
                        break;
                    }
                    goto case Opcodes.Return;
                case Opcodes.Return:
                    {
                        int n = fn.ResultCount;
                        if (n == 1)
                        {
                            s[fp] = s[sp - 1];
                        }
                        else if (n > 1)
                        {
                            Array.Copy(s, sp - n, s, fp, n);
                        }
                        sp = fp + n;
                        if (depth == entryDepth)
                        {
                            _sp = sp;
                            return;
                        }
                        ref var fr = ref _frames[--depth];
                        fn = fr.Func;
                        pc = fr.Pc;
                        stp = fr.Stp;
                        fp = fr.Fp;
                        fr.Func = null!;
                        code = fn.Code;
                        side = fn.Side;
                        if (fn.Instance != inst)
                        {
                            inst = fn.Instance;
                            mem0 = inst.Memory0;
                        }
                        break;
                    }
                case Opcodes.TryTable:
                    {
                        // Enter the block: step over its catch clauses and their side-table entries (a throw finds
                        // them through the body's handlers).
                        Leb.Skip(code, ref pc);
                        uint n = Leb.U32(code, ref pc);
                        for (uint k = 0; k < n; k++)
                        {
                            if (code[pc++] < 2)
                            {
                                Leb.Skip(code, ref pc);
                            }
                            Leb.Skip(code, ref pc);
                        }
                        stp += (int)n;
                        break;
                    }
                case Opcodes.Throw:
                case Opcodes.ThrowRef:
                    {
                        ExceptionInstance exn;
                        if (op == Opcodes.Throw)
                        {
                            var tag = inst.Tags[Leb.U32(code, ref pc)];
                            int n = tag.Type.Params.Length;
                            var payload = n == 0 ? Array.Empty<ulong>() : s.AsSpan(sp - n, n).ToArray();
                            sp -= n;
                            exn = new ExceptionInstance(tag, payload);
                        }
                        else
                        {
                            ulong r = s[--sp];
                            exn = (r == 0 ? null : _store.ExceptionAt(r)) ?? throw Trap("null exception reference", fn, ip, depth);
                        }
                        var h = FindHandler(exn, fn, ip, fp, depth, entryDepth);
                        if (h.Handler == null)
                        {
                            throw Uncaught(exn, fn, ip, depth);
                        }
                        // Unwind to the handler's frame, then branch to the clause's label with the payload (and the exnref).
                        for (int d = h.Depth; d < depth; d++)
                        {
                            _frames[d].Func = null!;
                        }
                        depth = h.Depth;
                        fn = h.Function;
                        fp = h.Fp;
                        code = fn.Code;
                        side = fn.Side;
                        if (fn.Instance != inst)
                        {
                            inst = fn.Instance;
                            mem0 = inst.Memory0;
                        }
                        int clause = h.Clause;
                        ref var e = ref side[h.Handler.FirstEntry + clause];
                        sp = fp + fn.LocalCount + e.Height;
                        if (h.Handler.Tags[clause] >= 0)
                        {
                            exn.Bits.CopyTo(s, sp);
                            sp += exn.Bits.Length;
                        }
                        if (h.Handler.WithRef[clause])
                        {
                            s[sp++] = _store.ExceptionReference(exn);
                        }
                        pc = e.TargetPc;
                        stp = e.TargetStp;
                        break;
                    }
                case Opcodes.Br:
                    {
                        ref var e = ref side[stp];
                        Branch(s, ref sp, fp + fn.LocalCount, e.Height, e.Keep);
                        pc = e.TargetPc;
                        stp = e.TargetStp;
                        break;
                    }
                case Opcodes.BrIf:
                    if ((uint)s[--sp] != 0)
                    {
                        ref var e = ref side[stp];
                        Branch(s, ref sp, fp + fn.LocalCount, e.Height, e.Keep);
                        pc = e.TargetPc;
                        stp = e.TargetStp;
                    }
                    else
                    {
                        Leb.Skip(code, ref pc);
                        stp++;
                    }
                    break;
                case Opcodes.BrTable:
                    {
                        uint n = Leb.U32(code, ref pc);
                        uint i = (uint)s[--sp];
                        ref var e = ref side[stp + (int)Math.Min(i, n)];
                        Branch(s, ref sp, fp + fn.LocalCount, e.Height, e.Keep);
                        pc = e.TargetPc;
                        stp = e.TargetStp;
                        break;
                    }
                case Opcodes.Call:
                case Opcodes.CallIndirect:
                    {
                        FunctionInstance callee;
                        if (op == Opcodes.Call)
                        {
                            callee = inst.Functions[Leb.U32(code, ref pc)];
                        }
                        else
                        {
                            uint ti = Leb.U32(code, ref pc);
                            var table = inst.Tables[Leb.U32(code, ref pc)];
                            uint i = (uint)s[--sp];
                            if (i >= (uint)table.Elements.Length)
                            {
                                throw Trap("undefined element", fn, ip, depth);
                            }
                            ulong r = table.Elements[i];
                            if (r == 0)
                            {
                                throw Trap("uninitialized element", fn, ip, depth);
                            }
                            callee = _store.FunctionAt(r)!;
                            var expected = inst.Module.Types[(int)ti];
                            if (!ReferenceEquals(callee.Type, expected) && !callee.Type.Equals(expected))
                            {
                                throw Trap("indirect call type mismatch", fn, ip, depth);
                            }
                        }
                        if (depth >= _frames.Length)
                        {
                            throw Trap("call stack exhausted", fn, ip, depth, WasmErrorKind.Exhaustion);
                        }
                        if (callee is WasmFunction w)
                        {
                            int nfp = sp - w.ParamCount;
                            if (nfp + w.FrameSize > s.Length)
                            {
                                throw Trap("call stack exhausted", fn, ip, depth, WasmErrorKind.Exhaustion);
                            }
                            ref var fr = ref _frames[depth++];
                            fr.Func = fn;
                            fr.Pc = pc;
                            fr.CallPc = ip;
                            fr.Stp = stp;
                            fr.Fp = fp;
                            int extra = w.LocalCount - w.ParamCount;
                            if (extra > 0)
                            {
                                Array.Clear(s, sp, extra);
                            }
                            fp = nfp;
                            if (TMode.Hooks)
                            {
                                _fps[depth] = fp;
                            }
                            sp = nfp + w.LocalCount;
                            fn = w;
                            code = w.Code;
                            side = w.Side;
                            pc = w.Body.CodeStart;
                            stp = 0;
                            if (w.Instance != inst)
                            {
                                inst = w.Instance;
                                mem0 = inst.Memory0;
                            }
                            if (--Fuel < 0)
                            {
                                throw Trap("fuel exhausted", fn, pc, depth, WasmErrorKind.Limit);
                            }
                        }
                        else
                        {
                            ref var fr = ref _frames[depth++];
                            fr.Func = fn;
                            fr.Pc = ip;
                            fr.CallPc = ip;
                            fr.Stp = stp;
                            fr.Fp = fp;
                            _sp = sp;
                            _depth = depth;
                            sp = CallHost((HostFunction)callee, inst, s, sp);
                            depth--;
                            _depth = depth;
                            _frames[depth].Func = null!;
                        }
                        break;
                    }
                case Opcodes.Drop:
                    sp--;
                    break;
                case Opcodes.Select:
                case Opcodes.SelectT:
                    if (op == Opcodes.SelectT)
                    {
                        Leb.U32(code, ref pc);
                        pc++;
                    }
                    {
                        uint c = (uint)s[--sp];
                        sp--;
                        if (c == 0)
                        {
                            s[sp - 1] = s[sp];
                        }
                        break;
                    }
                case Opcodes.LocalGet:
                    s[sp++] = s[fp + (int)Leb.U32(code, ref pc)];
                    break;
                case Opcodes.LocalSet:
                    s[fp + (int)Leb.U32(code, ref pc)] = s[--sp];
                    break;
                case Opcodes.LocalTee:
                    s[fp + (int)Leb.U32(code, ref pc)] = s[sp - 1];
                    break;
                case Opcodes.GlobalGet:
                    s[sp++] = inst.Globals[Leb.U32(code, ref pc)].Bits;
                    break;
                case Opcodes.GlobalSet:
                    inst.Globals[Leb.U32(code, ref pc)].Bits = s[--sp];
                    break;
                case Opcodes.TableGet:
                    {
                        var t = inst.Tables[Leb.U32(code, ref pc)];
                        uint i = (uint)s[sp - 1];
                        if (i >= (uint)t.Elements.Length)
                        {
                            throw Trap(OutOfBoundsTable, fn, ip, depth);
                        }
                        s[sp - 1] = t.Elements[i];
                        break;
                    }
                case Opcodes.TableSet:
                    {
                        var t = inst.Tables[Leb.U32(code, ref pc)];
                        ulong v = s[--sp];
                        uint i = (uint)s[--sp];
                        if (i >= (uint)t.Elements.Length)
                        {
                            throw Trap(OutOfBoundsTable, fn, ip, depth);
                        }
                        t.Elements[i] = v;
                        break;
                    }

                // Loads and stores (one case per access width and extension): the memarg is alignment flags (bit 6:
                // a memory index follows) and an offset; each access is bounds-checked against the memory's current size.
                case 0x28: case 0x2A: case 0x35:
                    {
                        ref byte a = ref Address(code, ref pc, inst, mem0, (uint)s[sp - 1], 4, fn, ip, depth);
                        s[sp - 1] = Unsafe.ReadUnaligned<uint>(ref a);
                        break;
                    }
                case 0x29: case 0x2B:
                    {
                        ref byte a = ref Address(code, ref pc, inst, mem0, (uint)s[sp - 1], 8, fn, ip, depth);
                        s[sp - 1] = Unsafe.ReadUnaligned<ulong>(ref a);
                        break;
                    }
                case 0x2C:
                    {
                        ref byte a = ref Address(code, ref pc, inst, mem0, (uint)s[sp - 1], 1, fn, ip, depth);
                        s[sp - 1] = (uint)(sbyte)a;
                        break;
                    }
                case 0x2D: case 0x31:
                    {
                        ref byte a = ref Address(code, ref pc, inst, mem0, (uint)s[sp - 1], 1, fn, ip, depth);
                        s[sp - 1] = a;
                        break;
                    }
                case 0x2E:
                    {
                        ref byte a = ref Address(code, ref pc, inst, mem0, (uint)s[sp - 1], 2, fn, ip, depth);
                        s[sp - 1] = (uint)Unsafe.ReadUnaligned<short>(ref a);
                        break;
                    }
                case 0x2F: case 0x33:
                    {
                        ref byte a = ref Address(code, ref pc, inst, mem0, (uint)s[sp - 1], 2, fn, ip, depth);
                        s[sp - 1] = Unsafe.ReadUnaligned<ushort>(ref a);
                        break;
                    }
                case 0x30:
                    {
                        ref byte a = ref Address(code, ref pc, inst, mem0, (uint)s[sp - 1], 1, fn, ip, depth);
                        s[sp - 1] = (ulong)(sbyte)a;
                        break;
                    }
                case 0x32:
                    {
                        ref byte a = ref Address(code, ref pc, inst, mem0, (uint)s[sp - 1], 2, fn, ip, depth);
                        s[sp - 1] = (ulong)Unsafe.ReadUnaligned<short>(ref a);
                        break;
                    }
                case 0x34:
                    {
                        ref byte a = ref Address(code, ref pc, inst, mem0, (uint)s[sp - 1], 4, fn, ip, depth);
                        s[sp - 1] = (ulong)Unsafe.ReadUnaligned<int>(ref a);
                        break;
                    }
                case 0x36: case 0x38: case 0x3E:
                    {
                        ulong v = s[--sp];
                        ref byte p = ref Address(code, ref pc, inst, mem0, (uint)s[--sp], 4, fn, ip, depth);
                        Unsafe.WriteUnaligned(ref p, (uint)v);
                        break;
                    }
                case 0x37: case 0x39:
                    {
                        ulong v = s[--sp];
                        ref byte p = ref Address(code, ref pc, inst, mem0, (uint)s[--sp], 8, fn, ip, depth);
                        Unsafe.WriteUnaligned(ref p, v);
                        break;
                    }
                case 0x3A: case 0x3C:
                    {
                        ulong v = s[--sp];
                        ref byte p = ref Address(code, ref pc, inst, mem0, (uint)s[--sp], 1, fn, ip, depth);
                        p = (byte)v;
                        break;
                    }
                case 0x3B: case 0x3D:
                    {
                        ulong v = s[--sp];
                        ref byte p = ref Address(code, ref pc, inst, mem0, (uint)s[--sp], 2, fn, ip, depth);
                        Unsafe.WriteUnaligned(ref p, (ushort)v);
                        break;
                    }
                case Opcodes.MemorySize:
                    s[sp++] = inst.Memories[Leb.U32(code, ref pc)].Pages;
                    break;
                case Opcodes.MemoryGrow:
                    {
                        var m = inst.Memories[Leb.U32(code, ref pc)];
                        s[sp - 1] = (uint)m.Grow((uint)s[sp - 1]);
                        break;
                    }
                case Opcodes.I32Const:
                    s[sp++] = (uint)Leb.S32(code, ref pc);
                    break;
                case Opcodes.I64Const:
                    s[sp++] = (ulong)Leb.S64(code, ref pc);
                    break;
                case Opcodes.F32Const:
                    s[sp++] = Unsafe.ReadUnaligned<uint>(ref code[pc]);
                    pc += 4;
                    break;
                case Opcodes.F64Const:
                    s[sp++] = Unsafe.ReadUnaligned<ulong>(ref code[pc]);
                    pc += 8;
                    break;

                // i32 comparisons
                case 0x45: s[sp - 1] = (uint)s[sp - 1] == 0 ? 1u : 0u; break;
                case 0x46: sp--; s[sp - 1] = (uint)s[sp - 1] == (uint)s[sp] ? 1u : 0u; break;
                case 0x47: sp--; s[sp - 1] = (uint)s[sp - 1] != (uint)s[sp] ? 1u : 0u; break;
                case 0x48: sp--; s[sp - 1] = (int)s[sp - 1] < (int)s[sp] ? 1u : 0u; break;
                case 0x49: sp--; s[sp - 1] = (uint)s[sp - 1] < (uint)s[sp] ? 1u : 0u; break;
                case 0x4A: sp--; s[sp - 1] = (int)s[sp - 1] > (int)s[sp] ? 1u : 0u; break;
                case 0x4B: sp--; s[sp - 1] = (uint)s[sp - 1] > (uint)s[sp] ? 1u : 0u; break;
                case 0x4C: sp--; s[sp - 1] = (int)s[sp - 1] <= (int)s[sp] ? 1u : 0u; break;
                case 0x4D: sp--; s[sp - 1] = (uint)s[sp - 1] <= (uint)s[sp] ? 1u : 0u; break;
                case 0x4E: sp--; s[sp - 1] = (int)s[sp - 1] >= (int)s[sp] ? 1u : 0u; break;
                case 0x4F: sp--; s[sp - 1] = (uint)s[sp - 1] >= (uint)s[sp] ? 1u : 0u; break;
                // i64 comparisons
                case 0x50: s[sp - 1] = s[sp - 1] == 0 ? 1u : 0u; break;
                case 0x51: sp--; s[sp - 1] = s[sp - 1] == s[sp] ? 1u : 0u; break;
                case 0x52: sp--; s[sp - 1] = s[sp - 1] != s[sp] ? 1u : 0u; break;
                case 0x53: sp--; s[sp - 1] = (long)s[sp - 1] < (long)s[sp] ? 1u : 0u; break;
                case 0x54: sp--; s[sp - 1] = s[sp - 1] < s[sp] ? 1u : 0u; break;
                case 0x55: sp--; s[sp - 1] = (long)s[sp - 1] > (long)s[sp] ? 1u : 0u; break;
                case 0x56: sp--; s[sp - 1] = s[sp - 1] > s[sp] ? 1u : 0u; break;
                case 0x57: sp--; s[sp - 1] = (long)s[sp - 1] <= (long)s[sp] ? 1u : 0u; break;
                case 0x58: sp--; s[sp - 1] = s[sp - 1] <= s[sp] ? 1u : 0u; break;
                case 0x59: sp--; s[sp - 1] = (long)s[sp - 1] >= (long)s[sp] ? 1u : 0u; break;
                case 0x5A: sp--; s[sp - 1] = s[sp - 1] >= s[sp] ? 1u : 0u; break;
                // f32 comparisons
                case 0x5B: sp--; s[sp - 1] = F32(s[sp - 1]) == F32(s[sp]) ? 1u : 0u; break;
                case 0x5C: sp--; s[sp - 1] = F32(s[sp - 1]) != F32(s[sp]) ? 1u : 0u; break;
                case 0x5D: sp--; s[sp - 1] = F32(s[sp - 1]) < F32(s[sp]) ? 1u : 0u; break;
                case 0x5E: sp--; s[sp - 1] = F32(s[sp - 1]) > F32(s[sp]) ? 1u : 0u; break;
                case 0x5F: sp--; s[sp - 1] = F32(s[sp - 1]) <= F32(s[sp]) ? 1u : 0u; break;
                case 0x60: sp--; s[sp - 1] = F32(s[sp - 1]) >= F32(s[sp]) ? 1u : 0u; break;
                // f64 comparisons
                case 0x61: sp--; s[sp - 1] = F64(s[sp - 1]) == F64(s[sp]) ? 1u : 0u; break;
                case 0x62: sp--; s[sp - 1] = F64(s[sp - 1]) != F64(s[sp]) ? 1u : 0u; break;
                case 0x63: sp--; s[sp - 1] = F64(s[sp - 1]) < F64(s[sp]) ? 1u : 0u; break;
                case 0x64: sp--; s[sp - 1] = F64(s[sp - 1]) > F64(s[sp]) ? 1u : 0u; break;
                case 0x65: sp--; s[sp - 1] = F64(s[sp - 1]) <= F64(s[sp]) ? 1u : 0u; break;
                case 0x66: sp--; s[sp - 1] = F64(s[sp - 1]) >= F64(s[sp]) ? 1u : 0u; break;
                // i32 arithmetic
                case 0x67: s[sp - 1] = (uint)BitOperations.LeadingZeroCount((uint)s[sp - 1]); break;
                case 0x68: s[sp - 1] = (uint)BitOperations.TrailingZeroCount((uint)s[sp - 1]); break;
                case 0x69: s[sp - 1] = (uint)BitOperations.PopCount((uint)s[sp - 1]); break;
                case 0x6A: sp--; s[sp - 1] = (uint)s[sp - 1] + (uint)s[sp]; break;
                case 0x6B: sp--; s[sp - 1] = (uint)s[sp - 1] - (uint)s[sp]; break;
                case 0x6C: sp--; s[sp - 1] = (uint)s[sp - 1] * (uint)s[sp]; break;
                case 0x6D:
                    {
                        int b = (int)s[--sp], a = (int)s[sp - 1];
                        if (b == 0)
                        {
                            throw Trap("integer divide by zero", fn, ip, depth);
                        }
                        if (a == int.MinValue && b == -1)
                        {
                            throw Trap(IntegerOverflow, fn, ip, depth);
                        }
                        s[sp - 1] = (uint)(a / b);
                        break;
                    }
                case 0x6E:
                    {
                        uint b = (uint)s[--sp];
                        if (b == 0)
                        {
                            throw Trap("integer divide by zero", fn, ip, depth);
                        }
                        s[sp - 1] = (uint)s[sp - 1] / b;
                        break;
                    }
                case 0x6F:
                    {
                        int b = (int)s[--sp], a = (int)s[sp - 1];
                        if (b == 0)
                        {
                            throw Trap("integer divide by zero", fn, ip, depth);
                        }
                        s[sp - 1] = b == -1 ? 0u : (uint)(a % b);
                        break;
                    }
                case 0x70:
                    {
                        uint b = (uint)s[--sp];
                        if (b == 0)
                        {
                            throw Trap("integer divide by zero", fn, ip, depth);
                        }
                        s[sp - 1] = (uint)s[sp - 1] % b;
                        break;
                    }
                case 0x71: sp--; s[sp - 1] = (uint)s[sp - 1] & (uint)s[sp]; break;
                case 0x72: sp--; s[sp - 1] = (uint)s[sp - 1] | (uint)s[sp]; break;
                case 0x73: sp--; s[sp - 1] = (uint)s[sp - 1] ^ (uint)s[sp]; break;
                case 0x74: sp--; s[sp - 1] = (uint)s[sp - 1] << (int)s[sp]; break;
                case 0x75: sp--; s[sp - 1] = (uint)((int)s[sp - 1] >> (int)s[sp]); break;
                case 0x76: sp--; s[sp - 1] = (uint)s[sp - 1] >> (int)s[sp]; break;
                case 0x77: sp--; s[sp - 1] = BitOperations.RotateLeft((uint)s[sp - 1], (int)s[sp]); break;
                case 0x78: sp--; s[sp - 1] = BitOperations.RotateRight((uint)s[sp - 1], (int)s[sp]); break;
                // i64 arithmetic
                case 0x79: s[sp - 1] = (ulong)BitOperations.LeadingZeroCount(s[sp - 1]); break;
                case 0x7A: s[sp - 1] = (ulong)BitOperations.TrailingZeroCount(s[sp - 1]); break;
                case 0x7B: s[sp - 1] = (ulong)BitOperations.PopCount(s[sp - 1]); break;
                case 0x7C: sp--; s[sp - 1] = s[sp - 1] + s[sp]; break;
                case 0x7D: sp--; s[sp - 1] = s[sp - 1] - s[sp]; break;
                case 0x7E: sp--; s[sp - 1] = s[sp - 1] * s[sp]; break;
                case 0x7F:
                    {
                        long b = (long)s[--sp], a = (long)s[sp - 1];
                        if (b == 0)
                        {
                            throw Trap("integer divide by zero", fn, ip, depth);
                        }
                        if (a == long.MinValue && b == -1)
                        {
                            throw Trap(IntegerOverflow, fn, ip, depth);
                        }
                        s[sp - 1] = (ulong)(a / b);
                        break;
                    }
                case 0x80:
                    {
                        ulong b = s[--sp];
                        if (b == 0)
                        {
                            throw Trap("integer divide by zero", fn, ip, depth);
                        }
                        s[sp - 1] = s[sp - 1] / b;
                        break;
                    }
                case 0x81:
                    {
                        long b = (long)s[--sp], a = (long)s[sp - 1];
                        if (b == 0)
                        {
                            throw Trap("integer divide by zero", fn, ip, depth);
                        }
                        s[sp - 1] = b == -1 ? 0ul : (ulong)(a % b);
                        break;
                    }
                case 0x82:
                    {
                        ulong b = s[--sp];
                        if (b == 0)
                        {
                            throw Trap("integer divide by zero", fn, ip, depth);
                        }
                        s[sp - 1] = s[sp - 1] % b;
                        break;
                    }
                case 0x83: sp--; s[sp - 1] = s[sp - 1] & s[sp]; break;
                case 0x84: sp--; s[sp - 1] = s[sp - 1] | s[sp]; break;
                case 0x85: sp--; s[sp - 1] = s[sp - 1] ^ s[sp]; break;
                case 0x86: sp--; s[sp - 1] = s[sp - 1] << (int)s[sp]; break;
                case 0x87: sp--; s[sp - 1] = (ulong)((long)s[sp - 1] >> (int)s[sp]); break;
                case 0x88: sp--; s[sp - 1] = s[sp - 1] >> (int)s[sp]; break;
                case 0x89: sp--; s[sp - 1] = BitOperations.RotateLeft(s[sp - 1], (int)s[sp]); break;
                case 0x8A: sp--; s[sp - 1] = BitOperations.RotateRight(s[sp - 1], (int)s[sp]); break;
                // f32 arithmetic (abs, neg and copysign act on the bits, NaNs included)
                case 0x8B: s[sp - 1] = (uint)s[sp - 1] & 0x7FFF_FFFFu; break;
                case 0x8C: s[sp - 1] = (uint)s[sp - 1] ^ 0x8000_0000u; break;
                case 0x8D: s[sp - 1] = F32Bits(FCeil(F32(s[sp - 1]))); break;
                case 0x8E: s[sp - 1] = F32Bits(FFloor(F32(s[sp - 1]))); break;
                case 0x8F: s[sp - 1] = F32Bits(FTrunc(F32(s[sp - 1]))); break;
                case 0x90: s[sp - 1] = F32Bits(FNearest(F32(s[sp - 1]))); break;
                case 0x91: s[sp - 1] = F32Bits(FSqrt(F32(s[sp - 1]))); break;
                case 0x92: sp--; s[sp - 1] = F32Bits(F32(s[sp - 1]) + F32(s[sp])); break;
                case 0x93: sp--; s[sp - 1] = F32Bits(F32(s[sp - 1]) - F32(s[sp])); break;
                case 0x94: sp--; s[sp - 1] = F32Bits(F32(s[sp - 1]) * F32(s[sp])); break;
                case 0x95: sp--; s[sp - 1] = F32Bits(F32(s[sp - 1]) / F32(s[sp])); break;
                case 0x96: sp--; s[sp - 1] = F32Bits(FMin(F32(s[sp - 1]), F32(s[sp]))); break;
                case 0x97: sp--; s[sp - 1] = F32Bits(FMax(F32(s[sp - 1]), F32(s[sp]))); break;
                case 0x98: sp--; s[sp - 1] = ((uint)s[sp - 1] & 0x7FFF_FFFFu) | ((uint)s[sp] & 0x8000_0000u); break;
                // f64 arithmetic
                case 0x99: s[sp - 1] &= 0x7FFF_FFFF_FFFF_FFFFul; break;
                case 0x9A: s[sp - 1] ^= 0x8000_0000_0000_0000ul; break;
                case 0x9B: s[sp - 1] = F64Bits(DCeil(F64(s[sp - 1]))); break;
                case 0x9C: s[sp - 1] = F64Bits(DFloor(F64(s[sp - 1]))); break;
                case 0x9D: s[sp - 1] = F64Bits(DTrunc(F64(s[sp - 1]))); break;
                case 0x9E: s[sp - 1] = F64Bits(DNearest(F64(s[sp - 1]))); break;
                case 0x9F: s[sp - 1] = F64Bits(DSqrt(F64(s[sp - 1]))); break;
                case 0xA0: sp--; s[sp - 1] = F64Bits(F64(s[sp - 1]) + F64(s[sp])); break;
                case 0xA1: sp--; s[sp - 1] = F64Bits(F64(s[sp - 1]) - F64(s[sp])); break;
                case 0xA2: sp--; s[sp - 1] = F64Bits(F64(s[sp - 1]) * F64(s[sp])); break;
                case 0xA3: sp--; s[sp - 1] = F64Bits(F64(s[sp - 1]) / F64(s[sp])); break;
                case 0xA4: sp--; s[sp - 1] = F64Bits(DMin(F64(s[sp - 1]), F64(s[sp]))); break;
                case 0xA5: sp--; s[sp - 1] = F64Bits(DMax(F64(s[sp - 1]), F64(s[sp]))); break;
                case 0xA6: sp--; s[sp - 1] = (s[sp - 1] & 0x7FFF_FFFF_FFFF_FFFFul) | (s[sp] & 0x8000_0000_0000_0000ul); break;
                // conversions
                case 0xA7: s[sp - 1] = (uint)s[sp - 1]; break;
                case 0xA8: case 0xA9: case 0xAA: case 0xAB: case 0xAE: case 0xAF: case 0xB0: case 0xB1:
                    {
                        double x = op is 0xA8 or 0xA9 or 0xAE or 0xAF ? F32(s[sp - 1]) : F64(s[sp - 1]);
                        string? error = op switch
                        {
                            0xA8 or 0xAA => CheckTrunc(x, I32Low, I32High),
                            0xA9 or 0xAB => CheckTrunc(x, U32Low, U32High),
                            0xAE or 0xB0 => CheckTrunc(x, I64Low, I64High),
                            _ => CheckTrunc(x, U32Low, U64High),
                        };
                        if (error != null)
                        {
                            throw Trap(error, fn, ip, depth);
                        }
                        s[sp - 1] = op switch
                        {
                            0xA8 or 0xAA => (uint)(int)x,
                            0xA9 or 0xAB => (uint)x,
                            0xAE or 0xB0 => (ulong)(long)x,
                            _ => (ulong)x,
                        };
                        break;
                    }
                case 0xAC: s[sp - 1] = (ulong)(long)(int)s[sp - 1]; break;
                case 0xAD: s[sp - 1] = (uint)s[sp - 1]; break;
                case 0xB2: s[sp - 1] = F32Bits((int)s[sp - 1]); break;
                case 0xB3: s[sp - 1] = F32Bits((uint)s[sp - 1]); break;
                case 0xB4: s[sp - 1] = F32Bits((long)s[sp - 1]); break;
                case 0xB5: s[sp - 1] = F32Bits(U64ToF32(s[sp - 1])); break;
                case 0xB6: s[sp - 1] = F32Bits((float)F64(s[sp - 1])); break;
                case 0xB7: s[sp - 1] = F64Bits((int)s[sp - 1]); break;
                case 0xB8: s[sp - 1] = F64Bits((uint)s[sp - 1]); break;
                case 0xB9: s[sp - 1] = F64Bits((long)s[sp - 1]); break;
                case 0xBA: s[sp - 1] = F64Bits(U64ToF64(s[sp - 1])); break;
                case 0xBB: s[sp - 1] = F64Bits(F32(s[sp - 1])); break;
                case 0xBC: case 0xBD: case 0xBE: case 0xBF:
                    break; // reinterpretations: the bits stay
                case 0xC0: s[sp - 1] = (uint)(int)(sbyte)s[sp - 1]; break;
                case 0xC1: s[sp - 1] = (uint)(int)(short)s[sp - 1]; break;
                case 0xC2: s[sp - 1] = (ulong)(long)(sbyte)s[sp - 1]; break;
                case 0xC3: s[sp - 1] = (ulong)(long)(short)s[sp - 1]; break;
                case 0xC4: s[sp - 1] = (ulong)(long)(int)s[sp - 1]; break;

                case Opcodes.RefNull:
                    pc++;
                    s[sp++] = 0;
                    break;
                case Opcodes.RefIsNull:
                    s[sp - 1] = s[sp - 1] == 0 ? 1u : 0u;
                    break;
                case Opcodes.RefFunc:
                    s[sp++] = inst.Functions[Leb.U32(code, ref pc)].Reference;
                    break;
                case Opcodes.PrefixFC:
                    sp = RunFC(code, ref pc, s, sp, inst, fn, ip, depth);
                    break;
                default:
                    throw Trap($"illegal opcode 0x{op:x2}", fn, ip, depth);
            }
        }
    }

    /// <summary>
    /// Decodes a memarg and checks the access of <paramref name="size"/> bytes at <paramref name="address"/> plus its
    /// offset; returns a reference to the first byte.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref byte Address(byte[] code, ref int pc, Instance inst, MemoryInstance? mem0, uint address, int size, WasmFunction fn, int ip, int depth)
    {
        uint flags = Leb.U32(code, ref pc);
        byte[] m = (flags & 0x40) == 0 ? mem0!.Bytes : inst.Memories[Leb.U32(code, ref pc)].Bytes;
        ulong ea = (ulong)Leb.U32(code, ref pc) + address;
        if (ea + (ulong)size > (ulong)m.Length)
        {
            throw Trap(OutOfBoundsMemory, fn, ip, depth);
        }
        return ref At(m, ea);
    }

    /// <summary>Where a throw lands: the frame's depth, function and frame pointer, the try_table and its clause; no handler when uncaught.</summary>
    private readonly record struct Landing(TryTableHandler? Handler, int Clause, int Depth, WasmFunction Function, int Fp);

    /// <summary>
    /// The search phase of a throw at <paramref name="ip"/>: the innermost clause that catches <paramref name="exn"/>,
    /// in this frame or a caller's (at its call) down to the frame this run entered at; nothing is unwound yet, so an
    /// uncaught exception still shows every frame.
    /// </summary>
    private Landing FindHandler(ExceptionInstance exn, WasmFunction fn, int ip, int fp, int depth, int entryDepth)
    {
        while (true)
        {
            var handlers = fn.Body.Handlers;
            for (int h = handlers.Length - 1; h >= 0; h--)
            {
                var handler = handlers[h];
                if (ip < handler.Start || ip >= handler.End)
                {
                    continue;
                }
                for (int k = 0; k < handler.Tags.Length; k++)
                {
                    int tag = handler.Tags[k];
                    if (tag < 0 || ReferenceEquals(fn.Instance.Tags[tag], exn.Tag))
                    {
                        return new Landing(handler, k, depth, fn, fp);
                    }
                }
            }
            if (depth == entryDepth)
            {
                return default;
            }
            ref var fr = ref _frames[depth - 1];
            fn = fr.Func;
            ip = fr.CallPc;
            fp = fr.Fp;
            depth--;
        }
    }

    private WasmTrapException Uncaught(ExceptionInstance exn, WasmFunction fn, int ip, int depth)
    {
        var trap = Trap("uncaught exception", fn, ip, depth);
        return new WasmTrapException(trap.Kind, "uncaught exception", ip, trap.WasmStack) { Frames = trap.Frames, UncaughtException = exn };
    }

    /// <summary>A taken branch: keeps the top <paramref name="keep"/> operands, moved down to the label's height.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Branch(ulong[] s, ref int sp, int operandBase, int height, int keep)
    {
        int target = operandBase + height;
        if (keep == 1)
        {
            s[target] = s[sp - 1];
        }
        else if (keep > 1)
        {
            Array.Copy(s, sp - keep, s, target, keep);
        }
        sp = target + keep;
    }

    private int CallHost(HostFunction host, Instance inst, ulong[] s, int sp)
    {
        var type = host.Type;
        int n = type.Params.Length;
        var args = new WasmValue[n];
        for (int i = 0; i < n; i++)
        {
            args[i] = new WasmValue(type.Params[i], s[sp - n + i]);
        }
        var results = new WasmValue[type.Results.Length];
        try
        {
            host.Callback(new Caller(_store, inst), args, results);
        }
        catch (Exception e) when (e is not WasmException)
        {
            // Nothing but the runtime's error type leaves the API: a failing host function is a trap at its call.
            throw new WasmTrapException(WasmErrorKind.Trap, $"host function {host.Name ?? "(unnamed)"} failed: {e.GetType().Name}: {e.Message}", -1, Array.Empty<WasmStackFrame>());
        }
        CheckResults(type, results);
        sp -= n;
        foreach (var r in results)
        {
            s[sp++] = r.Bits;
        }
        return sp;
    }

    /// <summary>The 0xFC instructions: saturating truncations and bulk memory and table operations.</summary>
    private int RunFC(byte[] code, ref int pc, ulong[] s, int sp, Instance inst, WasmFunction fn, int ip, int depth)
    {
        uint sub = Leb.U32(code, ref pc);
        switch (sub)
        {
            case 0: s[sp - 1] = (uint)SatI32(F32(s[sp - 1])); break;
            case 1: s[sp - 1] = SatU32(F32(s[sp - 1])); break;
            case 2: s[sp - 1] = (uint)SatI32(F64(s[sp - 1])); break;
            case 3: s[sp - 1] = SatU32(F64(s[sp - 1])); break;
            case 4: s[sp - 1] = (ulong)SatI64(F32(s[sp - 1])); break;
            case 5: s[sp - 1] = SatU64(F32(s[sp - 1])); break;
            case 6: s[sp - 1] = (ulong)SatI64(F64(s[sp - 1])); break;
            case 7: s[sp - 1] = SatU64(F64(s[sp - 1])); break;
            case 8: // memory.init
                {
                    int d = (int)Leb.U32(code, ref pc);
                    var m = inst.Memories[Leb.U32(code, ref pc)];
                    uint n = (uint)s[--sp], src = (uint)s[--sp], dst = (uint)s[--sp];
                    var seg = inst.Module.Data[d];
                    uint len = inst.DataDropped[d] ? 0u : (uint)seg.DataLength;
                    if ((ulong)src + n > len || (ulong)dst + n > (ulong)m.Bytes.Length)
                    {
                        throw Trap(OutOfBoundsMemory, fn, ip, depth);
                    }
                    inst.Module.Bytes.AsSpan(seg.DataStart + (int)src, (int)n).CopyTo(m.Bytes.AsSpan((int)dst));
                    break;
                }
            case 9:
                inst.DataDropped[Leb.U32(code, ref pc)] = true;
                break;
            case 10: // memory.copy
                {
                    var dm = inst.Memories[Leb.U32(code, ref pc)];
                    var sm = inst.Memories[Leb.U32(code, ref pc)];
                    uint n = (uint)s[--sp], src = (uint)s[--sp], dst = (uint)s[--sp];
                    if ((ulong)src + n > (ulong)sm.Bytes.Length || (ulong)dst + n > (ulong)dm.Bytes.Length)
                    {
                        throw Trap(OutOfBoundsMemory, fn, ip, depth);
                    }
                    sm.Bytes.AsSpan((int)src, (int)n).CopyTo(dm.Bytes.AsSpan((int)dst));
                    break;
                }
            case 11: // memory.fill
                {
                    var m = inst.Memories[Leb.U32(code, ref pc)];
                    uint n = (uint)s[--sp];
                    byte v = (byte)s[--sp];
                    uint dst = (uint)s[--sp];
                    if ((ulong)dst + n > (ulong)m.Bytes.Length)
                    {
                        throw Trap(OutOfBoundsMemory, fn, ip, depth);
                    }
                    m.Bytes.AsSpan((int)dst, (int)n).Fill(v);
                    break;
                }
            case 12: // table.init
                {
                    int e = (int)Leb.U32(code, ref pc);
                    var t = inst.Tables[Leb.U32(code, ref pc)];
                    uint n = (uint)s[--sp], src = (uint)s[--sp], dst = (uint)s[--sp];
                    var refs = inst.ElementRefs[e];
                    if ((ulong)src + n > (ulong)refs.Length || (ulong)dst + n > t.Size)
                    {
                        throw Trap(OutOfBoundsTable, fn, ip, depth);
                    }
                    refs.AsSpan((int)src, (int)n).CopyTo(t.Elements.AsSpan((int)dst));
                    break;
                }
            case 13:
                inst.ElementRefs[Leb.U32(code, ref pc)] = Array.Empty<ulong>();
                break;
            case 14: // table.copy
                {
                    var dt = inst.Tables[Leb.U32(code, ref pc)];
                    var st = inst.Tables[Leb.U32(code, ref pc)];
                    uint n = (uint)s[--sp], src = (uint)s[--sp], dst = (uint)s[--sp];
                    if ((ulong)src + n > st.Size || (ulong)dst + n > dt.Size)
                    {
                        throw Trap(OutOfBoundsTable, fn, ip, depth);
                    }
                    st.Elements.AsSpan((int)src, (int)n).CopyTo(dt.Elements.AsSpan((int)dst));
                    break;
                }
            case 15: // table.grow
                {
                    var t = inst.Tables[Leb.U32(code, ref pc)];
                    uint n = (uint)s[--sp];
                    s[sp - 1] = (uint)t.Grow(n, s[sp - 1]);
                    break;
                }
            case 16:
                s[sp++] = inst.Tables[Leb.U32(code, ref pc)].Size;
                break;
            case 17: // table.fill
                {
                    var t = inst.Tables[Leb.U32(code, ref pc)];
                    uint n = (uint)s[--sp];
                    ulong v = s[--sp];
                    uint dst = (uint)s[--sp];
                    if ((ulong)dst + n > t.Size)
                    {
                        throw Trap(OutOfBoundsTable, fn, ip, depth);
                    }
                    t.Elements.AsSpan((int)dst, (int)n).Fill(v);
                    break;
                }
            default:
                throw Trap($"illegal opcode 0xfc {sub}", fn, ip, depth);
        }
        return sp;
    }
}
