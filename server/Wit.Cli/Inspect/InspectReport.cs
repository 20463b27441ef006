using System.Collections.Generic;

namespace Wit.Cli.Inspect;

/// <summary>What <c>wit inspect</c> reports about a binary (<c>--format json</c> prints it as is).</summary>
public sealed record InspectReport(
    string File,
    string Kind,
    ComponentReport? Component,
    ModuleReport? Module,
    MemorySummary Memories,
    IReadOnlyList<string> Warnings);

/// <summary>A component definition: its imports and exports as WIT, the definitions it holds and its instance tree.</summary>
public sealed record ComponentReport(
    int Offset,
    IReadOnlyList<ExternReport> Imports,
    IReadOnlyList<ExternReport> Exports,
    IReadOnlyList<ModuleReport> Modules,
    IReadOnlyList<CoreInstanceReport> CoreInstances,
    IReadOnlyList<CanonReport> Canons,
    IReadOnlyList<ComponentReport> Components,
    IReadOnlyList<InstanceReport> Instances,
    long InstantiatedMemories);

public sealed record ExternReport(string Name, string Kind, string Wit);

/// <summary>A core module: <see cref="Index"/> is its index in the component's module index space (null for a lone module).</summary>
public sealed record ModuleReport(
    int? Index,
    int Offset,
    int Size,
    IReadOnlyList<MemoryReport> Memories,
    IReadOnlyList<TableReport> Tables,
    int Globals,
    int MutableGlobals,
    int DataSegments,
    long DataBytes,
    int Functions,
    int ImportedFunctions,
    IReadOnlyList<string> Imports,
    IReadOnlyList<string> Exports);

public sealed record MemoryReport(int Index, string? Import, ulong InitialPages, ulong? MaximumPages, bool Memory64, bool Shared);

public sealed record TableReport(int Index, string? Import, string Element, ulong Initial, ulong? Maximum);

public sealed record ArgReport(string Name, string Sort, int Index);

/// <summary>A core instance: <c>instantiate</c> (of <see cref="Module"/> with <see cref="Args"/>), <c>exports</c> (a bag), or <c>alias</c>.</summary>
public sealed record CoreInstanceReport(int Index, string Kind, int? Module, IReadOnlyList<ArgReport> Args, string? Origin);

/// <summary>A component instance: <c>instantiate</c> (of <see cref="Component"/>), <c>exports</c>, <c>import</c> or <c>alias</c>.</summary>
public sealed record InstanceReport(int Index, string Kind, int? Component, IReadOnlyList<ArgReport> Args, string? Origin);

public sealed record CanonReport(string Kind, string Detail);

/// <summary>
/// The linear memories one instantiation creates: how many, what their declared maximums add up to, and the address
/// space they reserve under Wasmtime's defaults for 32-bit memories on 64-bit hosts (4 GiB plus a 2 GiB guard each).
/// </summary>
public sealed record MemorySummary(long Count, ulong DeclaredMaximumBytes, ulong ReservedBytes, IReadOnlyList<string> Memories);
