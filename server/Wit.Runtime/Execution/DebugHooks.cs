using System;
using System.Collections.Generic;

namespace Wit.Runtime.Execution;

/// <summary>
/// Debug hooks of a store. While a store has none (<see cref="Store.Debug"/> null), the interpreter runs a copy of its
/// loop compiled without any hook check; with hooks, it checks before each instruction whether to pause: at a
/// breakpoint offset, when single-stepping, or when <see cref="RequestPause"/> was called (from any thread).
/// </summary>
public sealed class DebugHooks
{
    private volatile bool _pauseRequested;

    /// <summary>Byte offsets in the module (of an instruction) where execution pauses.</summary>
    public HashSet<int> Breakpoints { get; } = new();

    /// <summary>Pause before every instruction.</summary>
    public bool SingleStep { get; set; }

    /// <summary>Called when execution pauses; execution resumes when it returns.</summary>
    public Action<PauseContext>? OnPause { get; set; }

    /// <summary>Asks the running code to pause before its next instruction (safe from another thread).</summary>
    public void RequestPause() => _pauseRequested = true;

    internal bool ShouldPause(int pc)
    {
        if (_pauseRequested)
        {
            _pauseRequested = false;
            return true;
        }
        return SingleStep || (Breakpoints.Count != 0 && Breakpoints.Contains(pc));
    }
}

/// <summary>What a paused hook sees: the frames (innermost first) with their locals and operands.</summary>
public sealed class PauseContext
{
    internal PauseContext(IReadOnlyList<FrameView> frames) => Frames = frames;

    public IReadOnlyList<FrameView> Frames { get; }
}

/// <summary>One frame: the function, its pc (a byte offset in the module), its locals and its operand stack (bottom first).</summary>
public sealed record FrameView(WasmFunction Function, int Pc, WasmValue[] Locals, ulong[] Operands);
