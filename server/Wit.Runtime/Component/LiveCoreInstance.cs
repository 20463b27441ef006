using System.Collections.Generic;

namespace Wit.Runtime.Component;

/// <summary>
/// A core instance of a running component: its memories' current pages (and, in the same order, their maximum from the
/// memory type, null when unbounded), its tables' current sizes.
/// </summary>
public sealed record LiveCoreInstance(int Index, IReadOnlyList<uint> MemoryPages, IReadOnlyList<uint> TableSizes, int Globals, IReadOnlyList<ulong?>? MemoryMaxPages = null)
{
    /// <summary>The core module this instantiates (null when unknown).</summary>
    public Binary.WasmModule? Module { get; init; }
}
