using System.Collections.Generic;
using System.Text;

namespace Wit.Runtime.Execution;

/// <summary>One frame of the wasm stack at a trap: the function (index in its module, and its name when known) and the pc (a byte offset in the module).</summary>
public sealed record WasmStackFrame(int FunctionIndex, string? FunctionName, int Pc)
{
    public override string ToString() => $"{FunctionName ?? $"func[{FunctionIndex}]"} @ 0x{Pc:x}";
}

/// <summary>A trap: execution stopped with the spec's message (for example "integer divide by zero"); <see cref="WasmStack"/> is the wasm stack, innermost first.</summary>
public sealed class WasmTrapException : WasmException
{
    public WasmTrapException(WasmErrorKind kind, string message, int pc, IReadOnlyList<WasmStackFrame> stack)
        : base(kind, pc, message)
    {
        WasmStack = stack;
    }

    public IReadOnlyList<WasmStackFrame> WasmStack { get; }

    /// <summary>Under debug hooks (a store with <see cref="Store.Debug"/>): the frames with their locals and operands, innermost first, as a pause shows them; otherwise null.</summary>
    public IReadOnlyList<FrameView>? Frames { get; init; }

    /// <summary>For the trap of an exception no wasm frame caught (exception handling): the exception; otherwise null.</summary>
    public ExceptionInstance? UncaughtException { get; init; }

    public override string ToString()
    {
        var sb = new StringBuilder(Message);
        foreach (var f in WasmStack)
        {
            sb.Append("\n  at ").Append(f);
        }
        return sb.ToString();
    }
}
