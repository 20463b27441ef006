using System;
using System.Collections.Generic;
using System.Threading;

namespace Wit.Runtime.Execution;

/// <summary>
/// Debug hooks of a store. While a store has none (<see cref="Store.Debug"/> null), the interpreter runs a copy of its
/// loop compiled without any hook check; with hooks, it checks before each instruction whether to pause: at a
/// breakpoint offset, when single-stepping, after a step (<see cref="StepInto"/>, <see cref="StepOver"/>,
/// <see cref="StepOut"/>) or when <see cref="RequestPause"/> was called (from any thread). Only a breakpoint flag or
/// the <see cref="Attention"/> flag makes the interpreter call in here.
/// </summary>
public sealed class DebugHooks
{
    private readonly HashSet<int> _breakpoints = new();
    private volatile bool _pauseRequested;
    private volatile bool _attention;
    private bool _singleStep;
    private volatile bool _paused;
    /// <summary>The pending step and the frame depth it is measured against (set while paused, cleared by the next pause).</summary>
    private StepKind _step;
    private int _stepDepth;
    /// <summary>The frame depth (0 = the outermost invocation's entry function) of the current pause.</summary>
    private int _pauseDepth;

    private enum StepKind : byte
    {
        None,
        Into,
        Over,
        Out,
    }

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

    /// <summary>Pause before every instruction, until turned off.</summary>
    public bool SingleStep
    {
        get => _singleStep;
        set
        {
            _singleStep = value;
            UpdateAttention();
        }
    }

    /// <summary>Called when execution pauses; execution resumes when it returns.</summary>
    public Action<PauseContext>? OnPause { get; set; }

    /// <summary>Whether execution is paused (inside <see cref="OnPause"/>).</summary>
    public bool IsPaused => _paused;

    /// <summary>
    /// When execution resumes, pause again before the next instruction, whatever its frame (a call's first
    /// instruction included). Valid only while paused; the step ends at the next pause of any kind.
    /// </summary>
    public void StepInto() => Step(StepKind.Into, nameof(StepInto));

    /// <summary>
    /// When execution resumes, pause at the next instruction in the paused frame or a caller of it: a call runs to
    /// completion (a breakpoint or pause request inside it still pauses, and ends the step). When the paused frame
    /// returns, that is the instruction after its call; when the outermost frame returns, the invocation ends and so
    /// does the step. Valid only while paused.
    /// </summary>
    public void StepOver() => Step(StepKind.Over, nameof(StepOver));

    /// <summary>
    /// When execution resumes, run until the paused frame returns and pause at the next instruction of its caller
    /// (after the call); when the paused frame is the outermost one, the invocation ends and so does the step. A
    /// breakpoint or pause request before that still pauses, and ends the step. Valid only while paused.
    /// </summary>
    public void StepOut() => Step(StepKind.Out, nameof(StepOut));

    private void Step(StepKind kind, string name)
    {
        if (!_paused)
        {
            throw new InvalidOperationException($"{name} is valid only while execution is paused (in {nameof(OnPause)}).");
        }
        _step = kind;
        _stepDepth = _pauseDepth;
        UpdateAttention();
    }

    /// <summary>Asks the running code to pause before its next instruction (safe from another thread).</summary>
    public void RequestPause()
    {
        _pauseRequested = true;
        Interlocked.MemoryBarrier();
        _attention = true;
    }

    /// <summary>Whether something other than a breakpoint may pause: single step, a pending step or a pause request.</summary>
    internal bool Attention => _attention;

    private void UpdateAttention()
    {
        _attention = _singleStep || _step != StepKind.None || _pauseRequested;
        // A pause request from another thread between the read and the write above must not be lost.
        Interlocked.MemoryBarrier();
        if (_pauseRequested)
        {
            _attention = true;
        }
    }

    /// <summary>
    /// Called when <see cref="Attention"/> or a breakpoint flag is set at <paramref name="pc"/>, in a frame at
    /// <paramref name="depth"/> (0 = the outermost invocation's entry function).
    /// </summary>
    internal bool ShouldPause(int pc, int depth)
    {
        bool pause = _pauseRequested || _singleStep || _breakpoints.Contains(pc) || _step switch
        {
            StepKind.Into => true,
            StepKind.Over => depth <= _stepDepth,
            StepKind.Out => depth < _stepDepth,
            _ => false,
        };
        if (!pause)
        {
            return false;
        }
        // Any pause ends the request and the pending step (the handler may ask for a new one).
        _pauseRequested = false;
        _step = StepKind.None;
        _pauseDepth = depth;
        UpdateAttention();
        return true;
    }

    /// <summary>Runs the handler of a pause that <see cref="ShouldPause"/> decided.</summary>
    internal void Paused(PauseContext context)
    {
        _paused = true;
        try
        {
            OnPause?.Invoke(context);
        }
        finally
        {
            _paused = false;
        }
    }

    /// <summary>The outermost invocation ended (returned or trapped): a pending step has no frame left to stop in.</summary>
    internal void InvocationEnded()
    {
        if (_step != StepKind.None)
        {
            _step = StepKind.None;
            UpdateAttention();
        }
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
