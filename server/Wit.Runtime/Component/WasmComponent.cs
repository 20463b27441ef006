using System.Collections.Generic;
using Wit.Runtime.Binary;

namespace Wit.Runtime.Component;

/// <summary>The index spaces of a component (and of a component or instance type while it is validated).</summary>
public enum Sort : byte
{
    CoreFunc,
    CoreTable,
    CoreMemory,
    CoreGlobal,
    CoreTag,
    CoreType,
    CoreModule,
    CoreInstance,
    Func,
    Value,
    Type,
    Component,
    Instance,
}

/// <summary>
/// A decoded and validated component. <see cref="Items"/> holds its definitions in binary order (what an instantiation
/// replays, each definition appending to one index space); the index-space lists give the type of every index.
/// Offsets are offsets in <see cref="Bytes"/>, the outermost binary (a nested core module's own offsets start at its
/// <see cref="CoreModuleItem.ModuleOffset"/>). Create one with <see cref="ComponentDecoder.Decode"/>.
/// </summary>
public sealed class WasmComponent
{
    internal WasmComponent(byte[] bytes, int offset, int end)
    {
        Bytes = bytes;
        Offset = offset;
        End = end;
    }

    public byte[] Bytes { get; }
    /// <summary>Where this component's preamble starts in <see cref="Bytes"/>.</summary>
    public int Offset { get; }
    public int End { get; }

    public List<ComponentItem> Items { get; } = new();

    public List<FuncType> CoreFuncs { get; } = new();
    public List<TableType> CoreTables { get; } = new();
    public List<MemoryType> CoreMemories { get; } = new();
    public List<GlobalType> CoreGlobals { get; } = new();
    /// <summary>Core types: a <see cref="FuncType"/> or a <see cref="CoreModuleType"/>.</summary>
    public List<object> CoreTypes { get; } = new();
    public List<CoreModuleType> CoreModules { get; } = new();
    public List<Dictionary<string, CoreExtern>> CoreInstances { get; } = new();
    public List<FuncTypeDef> Funcs { get; } = new();
    public List<TypeDef> Types { get; } = new();
    public List<ComponentTypeDef> Components { get; } = new();
    public List<InstanceTypeDef> Instances { get; } = new();

    /// <summary>The component's own type: its imports and exports.</summary>
    public ComponentTypeDef Type { get; } = new();

    public IReadOnlyList<NamedExtern> Imports => Type.Imports;
    public IReadOnlyList<NamedExtern> Exports => Type.Exports;
}

/// <summary>The text format's names of the sorts (<c>core func</c>, <c>module</c>, <c>func</c>, ...).</summary>
public static class SortNames
{
    public static string Of(Sort s) => s switch
    {
        Sort.CoreFunc => "core func",
        Sort.CoreTable => "core table",
        Sort.CoreMemory => "core memory",
        Sort.CoreGlobal => "core global",
        Sort.CoreTag => "core tag",
        Sort.CoreType => "core type",
        Sort.CoreModule => "module",
        Sort.CoreInstance => "core instance",
        Sort.Func => "func",
        Sort.Value => "value",
        Sort.Type => "type",
        Sort.Component => "component",
        _ => "instance",
    };
}

public abstract record ComponentItem(int Offset);

/// <summary>A core module defined in the component, decoded and validated by the core decoder.</summary>
public sealed record CoreModuleItem(int Offset, WasmModule Module, int ModuleOffset) : ComponentItem(Offset);

public sealed record CoreInstantiateArg(string Name, int Instance);

public sealed record CoreInlineExport(string Name, Sort Sort, int Index);

/// <summary>A core instance: an instantiation of module <see cref="Module"/> with arguments, or a bag of <see cref="Exports"/>.</summary>
public sealed record CoreInstanceItem(int Offset, int? Module, IReadOnlyList<CoreInstantiateArg> Args, IReadOnlyList<CoreInlineExport> Exports)
    : ComponentItem(Offset);

public sealed record CoreTypeItem(int Offset, object Type) : ComponentItem(Offset);

public sealed record NestedComponentItem(int Offset, WasmComponent Component) : ComponentItem(Offset);

public sealed record InstantiateArg(string Name, Sort Sort, int Index);

/// <summary>A component instance: an instantiation of component <see cref="Component"/> with arguments, or a bag of <see cref="Exports"/>.</summary>
public sealed record InstanceItem(int Offset, int? Component, IReadOnlyList<InstantiateArg> Args, IReadOnlyList<InstantiateArg> Exports)
    : ComponentItem(Offset);

public enum AliasKind : byte
{
    InstanceExport = 0,
    CoreInstanceExport = 1,
    Outer = 2,
}

/// <summary>An alias: of export <see cref="Name"/> of (core) instance <see cref="Index"/>, or of index <see cref="Index"/> in the scope <see cref="OuterCount"/> levels out.</summary>
public sealed record AliasItem(int Offset, Sort Sort, AliasKind Kind, int Index, string? Name, int OuterCount) : ComponentItem(Offset);

public sealed record TypeItem(int Offset, TypeDef Type) : ComponentItem(Offset);

public enum CanonKind : byte
{
    Lift,
    Lower,
    ResourceNew,
    ResourceDrop,
    ResourceRep,
}

public enum StringEncoding : byte
{
    Utf8,
    Utf16,
    Latin1Utf16,
}

public sealed record CanonOptions(StringEncoding Encoding, int? Memory, int? Realloc, int? PostReturn)
{
    public static CanonOptions None { get; } = new(StringEncoding.Utf8, null, null, null);
}

/// <summary>
/// A canonical function: <c>lift</c> of core function <see cref="Index"/> to <see cref="Type"/>, <c>lower</c> of
/// component function <see cref="Index"/> (its core type is <see cref="CoreType"/>), or a resource built-in on
/// <see cref="Resource"/>.
/// </summary>
public sealed record CanonItem(int Offset, CanonKind Kind, int Index, CanonOptions Options, FuncTypeDef? Type, ResourceTypeDef? Resource, FuncType? CoreType)
    : ComponentItem(Offset);

public sealed record ImportItem(int Offset, string Name, ExternDesc Desc) : ComponentItem(Offset);

public sealed record ExportItem(int Offset, string Name, Sort Sort, int Index, ExternDesc Desc) : ComponentItem(Offset);

/// <summary>The component's start function (only the form without value arguments or results).</summary>
public sealed record StartItem(int Offset, int Func) : ComponentItem(Offset);
