namespace Wit.Runtime.Execution;

/// <summary>The limits an embedder sets on a store.</summary>
public sealed class StoreLimits
{
    /// <summary>The deepest wasm call nesting; deeper recursion traps with "call stack exhausted".</summary>
    public int MaxCallDepth { get; init; } = 20_000;

    /// <summary>Slots of the operand stack (locals and operands of every frame), 8 bytes each.</summary>
    public int MaxStackSlots { get; init; } = 1 << 20;

    /// <summary>The most pages any one memory may have (memory.grow fails past it; instantiation fails when a memory starts larger).</summary>
    public uint MaxMemoryPages { get; init; } = MemoryInstance.MaxPagesSupported;

    /// <summary>The fuel a store starts with, or null for none (unlimited). A loop iteration or a call costs one unit.</summary>
    public long? Fuel { get; init; }
}
