namespace Wit.Runtime;

/// <summary>
/// The proposals beyond WebAssembly 2.0 that decoding and validation accept. The default enables multi-memory and exception handling; the
/// WebAssembly 2.0 spec tests run with <see cref="Wasm2"/>, where a second memory is invalid and the memory index of
/// memory instructions must be a zero byte.
/// </summary>
public sealed record WasmFeatures
{
    public static WasmFeatures Default { get; } = new();

    /// <summary>Exactly WebAssembly 2.0.</summary>
    public static WasmFeatures Wasm2 { get; } = new() { MultiMemory = false, ExceptionHandling = false };

    public bool MultiMemory { get; init; } = true;

    /// <summary>
    /// The exception handling proposal as WebAssembly 3.0 has it: the tag section and tag imports and exports,
    /// <c>throw</c>, <c>throw_ref</c>, <c>try_table</c> and the <c>exnref</c> type.
    /// </summary>
    public bool ExceptionHandling { get; init; } = true;
}
