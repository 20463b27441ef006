using System;
using Wit.Core.Semantics;
using Wit.Runtime.Execution;

namespace Wit.Runtime.Canonical;

/// <summary>
/// What one lift or lower works in (the spec's <c>LiftLowerContext</c>): the options, the instance whose handle table
/// handles go to or come from, the borrow scope (a <see cref="CallTask"/> when lowering into a callee, a
/// <see cref="CallSubtask"/> when lifting a caller's arguments), and the map from a WIT resource to its type at run time.
/// </summary>
public sealed class LiftLowerContext
{
    public LiftLowerContext(CanonicalOptions options, CanonicalInstance instance, Func<TypeDefinition, ResourceType>? resources = null, CallTask? task = null, CallSubtask? subtask = null)
    {
        Options = options;
        Instance = instance;
        Resources = resources;
        Task = task;
        Subtask = subtask;
    }

    public CanonicalOptions Options { get; }

    public CanonicalInstance Instance { get; }

    public Func<TypeDefinition, ResourceType>? Resources { get; }

    /// <summary>The call borrowed handles are lowered into (lowering a borrow needs one).</summary>
    public CallTask? Task { get; }

    /// <summary>The call borrowed handles are lent to (lifting a borrow needs one).</summary>
    public CallSubtask? Subtask { get; }

    internal int PointerSize => Options.Memory64 ? 8 : 4;

    internal MemoryInstance Memory => Options.Memory ?? throw new WasmException(WasmErrorKind.Usage, -1, "the canonical options have no memory, which this value needs");

    /// <summary>The memory's bytes now (realloc may grow the memory, which replaces the array).</summary>
    internal byte[] Bytes => Memory.Bytes;

    internal ResourceType ResourceOf(TypeDefinition resource)
    {
        if (Resources is null) throw new WasmException(WasmErrorKind.Usage, -1, $"no resource types were given, so the handle of `{resource}` cannot cross");
        return Resources(resource);
    }

    /// <summary>Calls the guest's realloc; the instance may not leave meanwhile.</summary>
    internal ulong Reallocate(ulong old, ulong oldSize, ulong alignment, ulong newSize)
    {
        var realloc = Options.Realloc ?? throw new WasmException(WasmErrorKind.Usage, -1, "the canonical options have no realloc, which lowering this value needs");
        Instance.MayLeave = false;
        try
        {
            return realloc(old, oldSize, alignment, newSize);
        }
        finally
        {
            Instance.MayLeave = true;
        }
    }

    internal ulong Allocate(ulong alignment, ulong size) => Reallocate(0, 0, alignment, size);
}
