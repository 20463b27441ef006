using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Wit.Runtime.Binary;
using static Wit.Runtime.Execution.NumericOps;

namespace Wit.Runtime.Execution;

/// <summary>
/// The interpreter. Its program counter is a byte offset in the module (what DWARF, the name section and
/// wasm-objdump use); branches jump through the validator's side table. Calls between wasm functions push a
/// <see cref="Frame"/> on an explicit frame stack and never recurse on the host stack; locals and operands of all frames
/// share one operand stack of 64-bit slots.
/// </summary>
internal sealed partial class Machine
{
    private readonly Store _store;
    private readonly ulong[] _stack;
    private readonly Frame[] _frames;
    private int _sp;
    private int _depth;

    public Machine(Store store)
    {
        _store = store;
        _stack = new ulong[store.Limits.MaxStackSlots];
        _frames = new Frame[store.Limits.MaxCallDepth];
        _fps = new int[store.Limits.MaxCallDepth + 1];
    }

    /// <summary>With debug hooks: the frame pointer of the frame at each depth, so that a trap can show every frame's locals.</summary>
    private readonly int[] _fps;

    public long Fuel;
    public DebugHooks? Hooks;

    private struct Frame
    {
        public WasmFunction Func;
        /// <summary>The caller's pc to resume at (after its call instruction).</summary>
        public int Pc;
        /// <summary>The caller's call instruction, what stack traces and frame views show.</summary>
        public int CallPc;
        public int Stp;
        public int Fp;
    }

    /// <summary>The "no hooks" and "hooks" variants of the loop: the JIT compiles one copy each, and the first has no hook check at all.</summary>
    private interface IMode
    {
        static abstract bool Hooks { get; }
    }

    private struct Plain : IMode
    {
        public static bool Hooks => false;
    }

    private struct Debugged : IMode
    {
        public static bool Hooks => true;
    }

    public WasmValue[] Invoke(FunctionInstance function, WasmValue[] args)
    {
        var type = function.Type;
        if (function is HostFunction host)
        {
            var results = new WasmValue[type.Results.Length];
            host.Callback(new Caller(_store, null), args, results);
            CheckResults(type, results);
            return results;
        }
        var f = (WasmFunction)function;
        int sp0 = _sp, depth0 = _depth;
        if (sp0 + args.Length > _stack.Length)
        {
            throw new WasmTrapException(WasmErrorKind.Exhaustion, "call stack exhausted", -1, Array.Empty<WasmStackFrame>());
        }
        for (int i = 0; i < args.Length; i++)
        {
            _stack[sp0 + i] = args[i].Bits;
        }
        _sp = sp0 + args.Length;
        try
        {
            if (Hooks == null)
            {
                Run<Plain>(f);
            }
            else
            {
                Run<Debugged>(f);
            }
            var results = new WasmValue[type.Results.Length];
            for (int i = 0; i < results.Length; i++)
            {
                results[i] = new WasmValue(type.Results[i], _stack[sp0 + i]);
            }
            return results;
        }
        finally
        {
            _sp = sp0;
            _depth = depth0;
            if (depth0 == 0)
            {
                Hooks?.InvocationEnded();
            }
        }
    }

    private static void CheckResults(FuncType type, WasmValue[] results)
    {
        for (int i = 0; i < results.Length; i++)
        {
            if (results[i].Type != type.Results[i])
            {
                throw new WasmException(WasmErrorKind.Usage, -1, $"host function result {i} is {TypeNames.Of(results[i].Type)}, expected {TypeNames.Of(type.Results[i])}");
            }
        }
    }

    /// <summary>A trap outside any wasm frame (instantiation's segment checks).</summary>
    public WasmTrapException TrapOutside(string message) => new(WasmErrorKind.Trap, message, -1, Array.Empty<WasmStackFrame>());

    private WasmTrapException Trap(string message, WasmFunction fn, int pc, int depth, WasmErrorKind kind = WasmErrorKind.Trap)
    {
        var stack = new List<WasmStackFrame> { new(fn.Index, fn.Name, pc) };
        for (int i = depth - 1; i >= 0 && stack.Count < 100; i--)
        {
            var fr = _frames[i];
            stack.Add(new WasmStackFrame(fr.Func.Index, fr.Func.Name, fr.CallPc));
        }
        return new WasmTrapException(kind, message, pc, stack) { Frames = Hooks != null ? TrapFrames(fn, pc, depth) : null };
    }

    /// <summary>
    /// The frames of a trap under debug hooks, as a pause shows them. The stack slots are intact when the trap is
    /// raised (an instruction that traps has only moved the stack pointer); the trapping frame's operand count, which the
    /// loop does not pass, is the validator's height at the trapping instruction.
    /// </summary>
    private IReadOnlyList<FrameView>? TrapFrames(WasmFunction fn, int pc, int depth)
    {
        int fp = _fps[depth];
        var types = pc >= fn.Body.CodeStart && fn.Instance.Module.IsValidated ? Validation.ModuleValidator.OperandTypesAt(fn.Instance.Module, fn.Body, pc) : null;
        int sp = fp + fn.LocalCount + (types?.Length ?? 0);
        if (fp < 0 || sp > _stack.Length)
        {
            return null;
        }
        return Frames(fn, pc, fp, sp, depth).Frames;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref byte At(byte[] mem, ulong ea) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea);

    /// <summary>
    /// Called by the loop when a hook flag is set at <paramref name="pc"/>: pauses there if the hooks say so and shows
    /// the frames to their handler. One call with everything it needs, out of the loop's hot path (a hooked run without a
    /// breakpoint hit measured about 9% slower with the decision's call in the loop itself).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void MaybePause(DebugHooks hooks, WasmFunction fn, int pc, int fp, int sp, int depth)
    {
        if (hooks.ShouldPause(pc, depth))
        {
            hooks.Paused(Frames(fn, pc, fp, sp, depth));
        }
    }

    /// <summary>The frames below a running host function (its caller's at the call), innermost first; null outside one.</summary>
    internal IReadOnlyList<FrameView>? HostCallerFrames()
    {
        int depth = _depth;
        if (depth <= 0 || _frames[depth - 1].Func is not { } caller)
        {
            return null;
        }
        ref var fr = ref _frames[depth - 1];
        if (fr.Fp < 0 || _sp > _stack.Length || _sp < fr.Fp + caller.LocalCount)
        {
            return null;
        }
        return Frames(caller, fr.CallPc, fr.Fp, _sp, depth - 1).Frames;
    }

    private PauseContext Frames(WasmFunction fn, int pc, int fp, int sp, int depth)
    {
        var views = new List<FrameView> { View(fn, pc, fp, sp) };
        int top = fp;
        for (int i = depth - 1; i >= 0; i--)
        {
            var fr = _frames[i];
            views.Add(View(fr.Func, fr.CallPc, fr.Fp, top));
            top = fr.Fp;
        }
        return new PauseContext(views);
    }

    private FrameView View(WasmFunction fn, int pc, int fp, int sp)
    {
        var type = fn.Type;
        var locals = new WasmValue[fn.LocalCount];
        for (int i = 0; i < locals.Length; i++)
        {
            var t = i < type.Params.Length ? type.Params[i] : fn.Body.Locals[i - type.Params.Length];
            locals[i] = new WasmValue(t, _stack[fp + i]);
        }
        int start = fp + fn.LocalCount;
        var operands = sp > start ? _stack.AsSpan(start, sp - start).ToArray() : Array.Empty<ulong>();
        return new FrameView(fn, pc, locals, operands);
    }
}
