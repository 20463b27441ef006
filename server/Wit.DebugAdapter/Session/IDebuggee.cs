using Wit.DebugAdapter.Wasm;

namespace Wit.DebugAdapter.Session;

/// <summary>How the session resumes a stopped debuggee.</summary>
internal enum ResumeKind
{
    Continue,
    StepOver,
    StepIn,
    StepOut,
}

/// <summary>What a debuggee reports to the session (from its own thread).</summary>
internal interface IDebuggeeEvents
{
    void Stopped(StopState stop);

    void Output(string category, string text);

    /// <summary>The program ended with <paramref name="exitCode"/>; nothing more comes after this.</summary>
    void Exited(int exitCode);
}

/// <summary>
/// A launched program the session debugs. <see cref="CoreDebuggee"/> runs a core module, <see cref="ComponentDebuggee"/> a component;
/// both show the one <see cref="ProgramImage"/> whose code runs under the debugger, so the handlers do not change.
/// Every member is safe to call from the request thread and never waits for the program.
/// </summary>
internal interface IDebuggee
{
    /// <summary>The module whose code the breakpoints, frames and sources refer to.</summary>
    ProgramImage Image { get; }

    /// <summary>The current stop, or null while running (or before the start, or after the end).</summary>
    StopState? Stop { get; }

    /// <summary>Starts the program on its own thread (once); pauses at its first instruction when <paramref name="stopOnEntry"/>.</summary>
    void Start(bool stopOnEntry);

    /// <summary>Asks the running program to stop (reason "pause"); nothing when it is stopped already.</summary>
    void Pause();

    /// <summary>Resumes a stopped program; false when it is not stopped. Steps go by source line when the frame has one, unless <paramref name="byInstruction"/>.</summary>
    bool Resume(ResumeKind kind, bool byInstruction);

    /// <summary>The breakpoint table changed: the program picks the change up (at once when it is not running).</summary>
    void BreakpointsChanged();

    /// <summary>Ends the program (it reports <see cref="IDebuggeeEvents.Exited"/>); nothing when it has ended.</summary>
    void Terminate();

    bool HasEnded { get; }
}
