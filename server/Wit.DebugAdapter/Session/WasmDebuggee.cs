using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Wit.DebugAdapter.Wasm;
using Wit.Runtime;
using Wit.Runtime.Execution;
using Wit.Runtime.Wasi;

namespace Wit.DebugAdapter.Session;

/// <summary>
/// A WASI program on the interpreter, on a thread of its own (<see cref="CoreDebuggee"/>: a core module;
/// <see cref="ComponentDebuggee"/>: a component, whose core module with the DWARF is the <see cref="Image"/>). The interpreter calls <see cref="OnPause"/> at
/// breakpoints, steps and pause requests; there it decides whether this is a stop the user sees (a breakpoint whose
/// condition holds, a finished step, a pause) and, if so, publishes a <see cref="StopState"/> and waits for the
/// session's resume command. The request thread never waits for the program: it reads the published stop, and
/// changes breakpoints directly only while the program is not running (otherwise it asks for an internal pause, where
/// the program applies them itself and goes on).
/// </summary>
internal abstract class WasmDebuggee : IDebuggee
{
    /// <summary>The exit code of a program that trapped (as <c>wit run</c>: 128 + SIGABRT).</summary>
    public const int TrapExitCode = 134;

    private readonly DebugHooks _hooks = new();
    private readonly BreakpointTable _breakpoints;
    private readonly IDebuggeeEvents _events;
    private readonly SemaphoreSlim _resumed = new(0);
    private readonly object _lock = new();
    private Thread? _thread;
    private volatile StopState? _stop;
    private volatile bool _terminate, _userPause, _entry, _syncPending, _running, _ended;
    /// <summary>The reason of a stop at the image's next instruction (a step from a boundary stop into code), or null.</summary>
    private volatile string? _pendingReason;
    private ResumeKind _command;
    private bool _commandByInstruction;
    private Step? _step;

    /// <summary>A step in progress: its kind, the frame depth it started at, and the source line (null: by instruction).</summary>
    private sealed record Step(ResumeKind Kind, int Depth, SourceLine? Line);

    protected WasmDebuggee(ProgramImage image, BreakpointTable breakpoints, IDebuggeeEvents events)
    {
        Image = image;
        _breakpoints = breakpoints;
        _events = events;
        Store = new Store { Debug = _hooks };
        _hooks.OnPause = OnPause;
        Stdout = new OutputStream(events, "stdout");
        Stderr = new OutputStream(events, "stderr");
    }

    /// <summary>The store the program runs in, under this debuggee's hooks.</summary>
    protected Store Store { get; }

    /// <summary>The program's stdout and stderr: each write is an output event.</summary>
    protected Stream Stdout { get; }

    protected Stream Stderr { get; }

    /// <summary>The instance of <see cref="Image"/>'s module, once instantiated (a trap's stop reads its memory and globals).</summary>
    protected Instance? ImageInstance { get; set; }

    /// <summary>Instantiates and runs the program on the program's thread; returns its exit code (a trap is thrown).</summary>
    protected abstract int Execute();

    /// <summary>After the program ended (whatever the way): closes what it opened.</summary>
    protected virtual void Cleanup()
    {
    }

    /// <summary>Whether a frame runs <see cref="Image"/>'s code (a component's other modules have their own offsets).</summary>
    private bool InImage(FrameView frame) => ReferenceEquals(frame.Function.Instance.Module, Image.Module);

    public ProgramImage Image { get; }

    public StopState? Stop => _stop;

    public bool HasEnded => _ended;

    /// <summary>Whether a trap stops (the "traps" exception filter) before the program ends.</summary>
    public volatile bool StopOnTraps = true;

    public void Start(bool stopOnEntry)
    {
        lock (_lock)
        {
            if (_thread != null)
            {
                return;
            }
            _breakpoints.Sync(_hooks);
            if (stopOnEntry)
            {
                _entry = true;
                _hooks.RequestPause();
            }
            _running = true;
            _thread = new Thread(Run) { IsBackground = true, Name = "wasm debuggee" };
            _thread.Start();
        }
    }

    public void Pause()
    {
        if (_running && _stop == null && !_ended)
        {
            _userPause = true;
            _hooks.RequestPause();
        }
    }

    public bool Resume(ResumeKind kind, bool byInstruction)
    {
        lock (_lock)
        {
            if (_stop == null)
            {
                return false;
            }
            _command = kind;
            _commandByInstruction = byInstruction;
            _stop = null;
            _resumed.Release();
            return true;
        }
    }

    public void BreakpointsChanged()
    {
        lock (_lock)
        {
            if (_thread == null || _stop != null || _ended)
            {
                // Not started, stopped (its thread waits in OnPause) or over: nobody reads the hooks now.
                _breakpoints.Sync(_hooks);
                return;
            }
        }
        _syncPending = true;
        _hooks.RequestPause();
    }

    public void Terminate()
    {
        if (_ended)
        {
            return;
        }
        _terminate = true;
        lock (_lock)
        {
            if (_thread == null)
            {
                _ended = true;
                _events.Exited(0);
                return;
            }
            if (_stop != null)
            {
                _stop = null;
                _resumed.Release();
                return;
            }
        }
        _hooks.RequestPause();
    }

    /// <summary>Thrown from a pause to unwind the interpreter when the session ends the program.</summary>
    private sealed class TerminatedException : Exception
    {
    }

    private void Run()
    {
        int exitCode;
        try
        {
            exitCode = Execute();
        }
        catch (TerminatedException)
        {
            exitCode = 137;
        }
        catch (WasmTrapException) when (_terminate)
        {
            // Ended from a boundary stop inside a host call: the host call's wrapper made the unwinding a trap.
            exitCode = 137;
        }
        catch (WasmTrapException trap)
        {
            _events.Output("stderr", $"trap: {trap.Message}\n");
            if (StopOnTraps && !_terminate && ImageInstance is { } instance)
            {
                var frames = new List<StopFrame>();
                if (trap.Frames is { } views)
                {
                    // The interpreter kept the frames' locals and operands for the debugger; the image's frames are shown.
                    foreach (var f in views)
                    {
                        if (InImage(f))
                        {
                            frames.Add(new StopFrame(f.Function.Index, f.Pc, f.Locals, f.Operands));
                        }
                    }
                }
                else
                {
                    foreach (var f in trap.WasmStack)
                    {
                        frames.Add(new StopFrame(f.FunctionIndex, f.Pc, null, null));
                    }
                }
                Publish(new StopState("exception", trap.Reason, Array.Empty<int>(), frames, instance, trap));
                _resumed.Wait();
            }
            exitCode = TrapExitCode;
        }
        catch (WasmException e)
        {
            _events.Output("stderr", $"error: {e.Message}\n");
            exitCode = 1;
        }
        Cleanup();
        _running = false;
        _ended = true;
        _events.Exited(exitCode);
    }

    private void Publish(StopState stop)
    {
        lock (_lock)
        {
            _stop = stop;
        }
        _events.Stopped(stop);
    }

    private void OnPause(PauseContext context)
    {
        if (_terminate)
        {
            throw new TerminatedException();
        }
        if (_syncPending)
        {
            _syncPending = false;
            _breakpoints.Sync(_hooks);
        }
        var top = context.Frames[0];
        int depth = context.Frames.Count;
        if (!InImage(top))
        {
            OutsideImage(depth);
            return;
        }
        var frames = new List<StopFrame>(context.Frames.Count);
        foreach (var f in context.Frames)
        {
            if (InImage(f))
            {
                frames.Add(new StopFrame(f.Function.Index, f.Pc, f.Locals, f.Operands));
            }
        }
        var instance = top.Function.Instance;

        string? reason = null;
        if (_entry)
        {
            _entry = false;
            reason = "entry";
        }
        if (_userPause)
        {
            _userPause = false;
            reason = "pause";
        }
        if (_pendingReason is { } pending)
        {
            _pendingReason = null;
            reason ??= pending;
        }
        var failures = new List<ConditionFailure>();
        var hits = System.Linq.Enumerable.Contains(_hooks.Breakpoints, top.Pc) ? _breakpoints.Hit(top.Pc, new FrameScope(frames[0], instance, Image), failures) : new List<int>();
        // A failure is reported even when a hit condition keeps its breakpoint from stopping this time.
        string? description = Report(failures);
        if (hits.Count > 0)
        {
            reason ??= "breakpoint";
        }
        else
        {
            description = null;
        }
        if (reason == null && _step != null)
        {
            if (StepDone(_step, frames[0].Pc, depth))
            {
                reason = "step";
            }
            else
            {
                Rearm(_step, frames[0].Pc, depth);
                return;
            }
        }
        if (reason == null)
        {
            return;
        }
        _step = null;
        Publish(new StopState(reason, description, hits, frames, instance, null));
        _resumed.Wait();
        if (_terminate)
        {
            throw new TerminatedException();
        }
        var kind = _command;
        if (kind == ResumeKind.Continue)
        {
            return;
        }
        var line = _commandByInstruction ? null : Image.SourceAt(top.Pc);
        _step = new Step(kind, depth, line);
        switch (kind)
        {
            case ResumeKind.StepOver: _hooks.StepOver(); break;
            case ResumeKind.StepIn: _hooks.StepInto(); break;
            default: _hooks.StepOut(); break;
        }
    }

    /// <summary>
    /// A stop at a component boundary (on the program's thread, inside the call): the boundary frame over the image's
    /// frames <paramref name="below"/> (those of the caller of a lowered import). Waits for the session; returns how it
    /// resumed. Nothing when the image is not instantiated yet.
    /// </summary>
    protected ResumeKind StopAtBoundary(string reason, IReadOnlyList<int> hits, WitBoundary boundary, IReadOnlyList<FrameView>? below, string? description = null)
    {
        if (_terminate)
        {
            throw new TerminatedException();
        }
        if (ImageInstance is not { } instance)
        {
            return ResumeKind.Continue;
        }
        var frames = new List<StopFrame> { new(-1, -1, null, null) { Boundary = boundary } };
        foreach (var f in below ?? Array.Empty<FrameView>())
        {
            if (InImage(f))
            {
                frames.Add(new StopFrame(f.Function.Index, f.Pc, f.Locals, f.Operands));
            }
        }
        _step = null;
        Publish(new StopState(reason, description, hits, frames, instance, null));
        _resumed.Wait();
        if (_terminate)
        {
            throw new TerminatedException();
        }
        return _command;
    }

    /// <summary>
    /// The stop's description when conditions failed to evaluate (the stop is theirs); each condition's first failure
    /// is also an output event on the console.
    /// </summary>
    protected string? Report(List<ConditionFailure> failures)
    {
        if (failures.Count == 0)
        {
            return null;
        }
        foreach (var f in failures)
        {
            if (f.First)
            {
                _events.Output("console", $"The condition '{f.Condition}' of breakpoint {f.Id} could not be evaluated: {f.Error}. The breakpoint stops until the condition is fixed.\n");
            }
        }
        return $"Breakpoint condition '{failures[0].Condition}' failed: {failures[0].Error}";
    }

    /// <summary>Stops at the image's next instruction with <paramref name="reason"/> (a step from a boundary into code).</summary>
    protected void StopAtNextInstruction(string reason)
    {
        _pendingReason = reason;
        _hooks.RequestPause();
    }

    /// <summary>
    /// A pause in code of another module (a component's adapter or glue): never a stop the user sees. An entry or pause
    /// request waits for the image's next instruction; a step into such code runs it out; a step whose frame returned
    /// into it (the program's entry returned) ends; a breakpoint offset there belongs to the image, not to this code.
    /// </summary>
    private void OutsideImage(int depth)
    {
        if (_entry || _userPause || _pendingReason != null)
        {
            _hooks.RequestPause();
        }
        else if (_step is { } step)
        {
            if (depth > step.Depth || step.Kind == ResumeKind.StepOut && depth >= step.Depth)
            {
                _hooks.StepOut();
            }
            else
            {
                _step = null;
            }
        }
    }

    /// <summary>Whether a pause at <paramref name="pc"/>, <paramref name="depth"/> frames deep, ends <paramref name="step"/>.</summary>
    private bool StepDone(Step step, int pc, int depth)
    {
        if (step.Kind == ResumeKind.StepOut || depth < step.Depth)
        {
            return depth < step.Depth;
        }
        if (step.Line is not { } start)
        {
            return step.Kind == ResumeKind.StepIn || depth <= step.Depth;
        }
        var here = Image.SourceAt(pc);
        if (depth > step.Depth)
        {
            // Stepped into a call: stop at its first line after the prologue when it has source; code without source is run through.
            return step.Kind == ResumeKind.StepIn && here != null && Image.Module.BodyAt(pc) is { } body && pc >= Image.AfterPrologue(body);
        }
        return here is { } h && (h.Line != start.Line || h.Path != start.Path);
    }

    /// <summary>Arms the hooks again for a step that a pause did not end (a pause ends the hooks' pending step).</summary>
    private void Rearm(Step step, int pc, int depth)
    {
        if (step.Kind == ResumeKind.StepIn && step.Line != null && depth > step.Depth && Image.SourceAt(pc) != null)
        {
            // In the prologue of a function with source: go on to its first line.
            _hooks.StepInto();
        }
        else if (step.Kind == ResumeKind.StepOut || depth > step.Depth)
        {
            // Deeper than the step's frame (a call without source, or a breakpoint whose condition failed): run it out.
            _hooks.StepOut();
        }
        else if (step.Kind == ResumeKind.StepIn)
        {
            _hooks.StepInto();
        }
        else
        {
            _hooks.StepOver();
        }
    }

    /// <summary>The program's stdout or stderr: each write becomes an output event (UTF-8 decoded across writes).</summary>
    protected sealed class OutputStream : Stream
    {
        private readonly IDebuggeeEvents _events;
        private readonly string _category;
        private readonly System.Text.Decoder _decoder = System.Text.Encoding.UTF8.GetDecoder();

        public OutputStream(IDebuggeeEvents events, string category)
        {
            _events = events;
            _category = category;
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush()
        {
        }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var chars = new char[_decoder.GetCharCount(buffer, flush: false)];
            int n = _decoder.GetChars(buffer, chars, flush: false);
            if (n > 0)
            {
                _events.Output(_category, new string(chars, 0, n));
            }
        }
    }
}
