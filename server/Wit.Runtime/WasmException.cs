using System;

namespace Wit.Runtime;

/// <summary>What went wrong, in the spec's terms: which phase of decode, validate, link, instantiate or run failed.</summary>
public enum WasmErrorKind
{
    /// <summary>The bytes are not a module in the binary format (the spec's "malformed").</summary>
    Malformed,
    /// <summary>The module decodes but breaks a validation rule (the spec's "invalid").</summary>
    Invalid,
    /// <summary>A feature this engine does not implement (SIMD so far).</summary>
    Unsupported,
    /// <summary>An import is missing or does not match (the spec's "unlinkable").</summary>
    Unlinkable,
    /// <summary>Execution trapped (during instantiation or a call).</summary>
    Trap,
    /// <summary>The call stack or the operand stack ran out ("call stack exhausted").</summary>
    Exhaustion,
    /// <summary>A limit set by the embedder was reached (fuel, memory).</summary>
    Limit,
    /// <summary>The embedder used the API wrongly (for example, wrong argument types).</summary>
    Usage,
    /// <summary>The program asked to exit (WASI <c>proc_exit</c>); see <see cref="Wasi.WasiExitException.ExitCode"/>.</summary>
    Exit,
}

/// <summary>
/// The one error type of the runtime: every failure of decoding, validation, linking, instantiation and execution is a
/// <see cref="WasmException"/> (traps are the subclass <see cref="WasmTrapException"/>). <see cref="Offset"/> is the byte
/// offset in the module where the problem is, or -1 when it has none.
/// </summary>
public class WasmException : Exception
{
    public WasmException(WasmErrorKind kind, long offset, string message, Exception? inner = null)
        : base(offset >= 0 ? $"{message} (at offset 0x{offset:x})" : message, inner)
    {
        Kind = kind;
        Offset = offset;
        Reason = message;
    }

    /// <summary>For subclasses that show their own position (the text parser's line and column) instead of an offset.</summary>
    protected WasmException(WasmErrorKind kind, long offset, string reason, string message)
        : base(message)
    {
        Kind = kind;
        Offset = offset;
        Reason = reason;
    }

    public WasmErrorKind Kind { get; }

    /// <summary>The byte offset in the module, or -1.</summary>
    public long Offset { get; }

    /// <summary>The message without the offset (the spec's wording where the spec has one).</summary>
    public string Reason { get; }
}
