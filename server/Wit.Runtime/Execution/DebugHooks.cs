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
    private readonly HashSet<int> _breakpoints = new();
    private volatile bool _pauseRequested;
    private volatile bool _attention;
    private bool _singleStep;

    /// <summary>Breakpoints by offset, as flags: the interpreter's check is one array read.</summary>
    internal bool[] BreakMap = Array.Empty<bool>();

    /// <summary>Byte offsets in the module (of an instruction) where execution pauses.</summary>
    public IReadOnlyCollection<int> Breakpoints => _breakpoints;

    public void AddBreakpoint(int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        _breakpoints.Add(offset);
        var map = BreakMap;
        if (offset >= map.Length)
        {
            Array.Resize(ref map, Math.Max(offset + 1, map.Length * 2));
        }
        map[offset] = true;
        BreakMap = map;
    }

    public void RemoveBreakpoint(int offset)
    {
        if (_breakpoints.Remove(offset))
        {
            BreakMap[offset] = false;
        }
    }

    /// <summary>Pause before every instruction.</summary>
    public bool SingleStep
    {
        get => _singleStep;
        set
        {
            _singleStep = value;
            _attention = value || _pauseRequested;
        }
    }

    /// <summary>Called when execution pauses; execution resumes when it returns.</summary>
    public Action<PauseContext>? OnPause { get; set; }

    /// <summary>Asks the running code to pause before its next instruction (safe from another thread).</summary>
    public void RequestPause()
    {
        _pauseRequested = true;
        _attention = true;
    }

    /// <summary>Whether something other than a breakpoint may pause: single step or a pause request.</summary>
    internal bool Attention => _attention;

    /// <summary>Called when <see cref="Attention"/> or a breakpoint flag is set at <paramref name="pc"/>.</summary>
    internal bool ShouldPause(int pc)
    {
        if (_pauseRequested)
        {
            _pauseRequested = false;
            _attention = _singleStep;
            return true;
        }
        return _singleStep || _breakpoints.Contains(pc);
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
