using System;
using System.Collections.Generic;
using Wit.Runtime.Binary;

namespace Wit.Runtime.Component;

/// <summary>
/// A component-level type after decoding: type indices are resolved to the objects they name, so a type is a graph of
/// <see cref="TypeDef"/>s that can be compared, flattened and printed without its index space. Resource types compare
/// by identity; every other type structurally (<see cref="TypeRelations"/>). <see cref="Depth"/> is the nesting depth,
/// bounded by the decoder, so every walk over a type is bounded too.
/// </summary>
public abstract class TypeDef
{
    public int Depth { get; init; } = 1;

    /// <summary>For a type an import or export introduced (a new identity of the same type): the type it names.</summary>
    public TypeDef? Origin { get; init; }
}

/// <summary>A defined value type (primitive, record, variant, list, tuple, flags, enum, option, result, own, borrow).</summary>
public abstract class ValueTypeDef : TypeDef
{
}

public enum PrimitiveKind : byte
{
    Bool = 0x7f,
    S8 = 0x7e,
    U8 = 0x7d,
    S16 = 0x7c,
    U16 = 0x7b,
    S32 = 0x7a,
    U32 = 0x79,
    S64 = 0x78,
    U64 = 0x77,
    F32 = 0x76,
    F64 = 0x75,
    Char = 0x74,
    String = 0x73,
}

public sealed class PrimitiveTypeDef : ValueTypeDef
{
    private static readonly Dictionary<PrimitiveKind, PrimitiveTypeDef> All = new();

    private PrimitiveTypeDef(PrimitiveKind kind) => Kind = kind;

    /// <summary>A new identity for a primitive type that an import or export names (equal to the primitive).</summary>
    internal PrimitiveTypeDef Named() => new(Kind) { Origin = this };

    public PrimitiveKind Kind { get; }

    public static PrimitiveTypeDef Of(PrimitiveKind kind)
    {
        lock (All)
        {
            if (!All.TryGetValue(kind, out var t))
            {
                All[kind] = t = new PrimitiveTypeDef(kind);
            }
            return t;
        }
    }

    public string Name => Kind switch
    {
        PrimitiveKind.String => "string",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}

public sealed record Field(string Name, ValueTypeDef Type);

public sealed record Case(string Name, ValueTypeDef? Type);

public sealed class RecordTypeDef : ValueTypeDef
{
    public required IReadOnlyList<Field> Fields { get; init; }
}

public sealed class VariantTypeDef : ValueTypeDef
{
    public required IReadOnlyList<Case> Cases { get; init; }
}

public sealed class ListTypeDef : ValueTypeDef
{
    public required ValueTypeDef Element { get; init; }
    /// <summary>The length of a fixed-length list, or null.</summary>
    public uint? Length { get; init; }
}

/// <summary>A <c>map&lt;K, V&gt;</c>: laid out and passed as a list of key-value tuples.</summary>
public sealed class MapTypeDef : ValueTypeDef
{
    public required ValueTypeDef Key { get; init; }
    public required ValueTypeDef Value { get; init; }
}

public sealed class TupleTypeDef : ValueTypeDef
{
    public required IReadOnlyList<ValueTypeDef> Types { get; init; }
}

public sealed class FlagsTypeDef : ValueTypeDef
{
    public required IReadOnlyList<string> Names { get; init; }
}

public sealed class EnumTypeDef : ValueTypeDef
{
    public required IReadOnlyList<string> Names { get; init; }
}

public sealed class OptionTypeDef : ValueTypeDef
{
    public required ValueTypeDef Type { get; init; }
}

public sealed class ResultTypeDef : ValueTypeDef
{
    public ValueTypeDef? Ok { get; init; }
    public ValueTypeDef? Error { get; init; }
}

/// <summary>An <c>own</c> or <c>borrow</c> handle to a resource.</summary>
public sealed class HandleTypeDef : ValueTypeDef
{
    public required ResourceTypeDef Resource { get; init; }
    public required bool IsBorrow { get; init; }
}

/// <summary>
/// A resource type. A resource defined in a component has a representation and maybe a destructor; an abstract one
/// (imported or exported as <c>(sub resource)</c>) has neither. Equality is identity.
/// </summary>
public sealed class ResourceTypeDef : TypeDef
{
    /// <summary>The core type of the representation (i32) for a defined resource; null for an abstract one.</summary>
    public ValType? Representation { get; init; }
    /// <summary>The core function index of the destructor, if any.</summary>
    public int? Destructor { get; init; }
    /// <summary>The name it was imported or exported by, when known (for messages and printing).</summary>
    public string? Name { get; set; }
    /// <summary>
    /// For a new type index that re-exports (or aliases through an export) another resource: that resource. It is the
    /// same resource (<see cref="Root"/>) with an identity of its own, which is what external visibility checks.
    /// </summary>
    public ResourceTypeDef? AliasOf { get; init; }
    /// <summary>The resource itself (an alias always points at the root, never at another alias).</summary>
    public ResourceTypeDef Root => AliasOf ?? this;
    public bool IsDefined => Root.Representation != null;
}

public sealed record Param(string Name, ValueTypeDef Type);

public sealed class FuncTypeDef : TypeDef
{
    public required IReadOnlyList<Param> Params { get; init; }
    public ValueTypeDef? Result { get; init; }
}

public enum ExternSort : byte
{
    CoreModule = 0,
    Func = 1,
    Value = 2,
    Type = 3,
    Component = 4,
    Instance = 5,
}

/// <summary>
/// The type of an import or export: its sort and the type of that sort (<see cref="CoreModuleType"/>,
/// <see cref="FuncTypeDef"/>, <see cref="ComponentTypeDef"/>, <see cref="InstanceTypeDef"/>, or for a type the type it
/// is equal to, a fresh abstract <see cref="ResourceTypeDef"/> for <c>(sub resource)</c>).
/// </summary>
public sealed record ExternDesc(ExternSort Sort, object Type);

public sealed record NamedExtern(string Name, ExternDesc Desc)
{
    /// <summary>The interface an instance implements (the name's <c>implements</c> attribute: WIT's <c>import a: ns:pkg/i;</c>).</summary>
    public string? Implements { get; init; }
}

/// <summary>A component type: what it imports and exports.</summary>
public sealed class ComponentTypeDef : TypeDef
{
    public List<NamedExtern> Imports { get; } = new();
    public List<NamedExtern> Exports { get; } = new();
}

/// <summary>An instance type: what it exports.</summary>
public sealed class InstanceTypeDef : TypeDef
{
    public List<NamedExtern> Exports { get; } = new();

    public ExternDesc? Export(string name)
    {
        foreach (var e in Exports)
        {
            if (e.Name == name)
            {
                return e.Desc;
            }
        }
        return null;
    }
}

/// <summary>What a core instance or core module export is: its kind and type.</summary>
public sealed record CoreExtern(ExternKind Kind, FuncType? Func = null, TableType? Table = null, MemoryType? Memory = null, GlobalType Global = default)
{
    /// <summary>A tag of <paramref name="type"/> (its type is kept in <see cref="Func"/>).</summary>
    public static CoreExtern TagOf(FuncType type) => new(ExternKind.Tag, Func: type);

    public override string ToString() => Kind switch
    {
        ExternKind.Func => $"func {Func}",
        ExternKind.Table => "table",
        ExternKind.Memory => "memory",
        ExternKind.Global => "global",
        _ => $"tag {Func}",
    };
}

public sealed record CoreImportDesc(string Module, string Name, CoreExtern Type);

/// <summary>A core module's type: its imports and exports.</summary>
public sealed class CoreModuleType
{
    public List<CoreImportDesc> Imports { get; } = new();
    public Dictionary<string, CoreExtern> Exports { get; } = new(StringComparer.Ordinal);

    public static CoreModuleType Of(WasmModule m)
    {
        var t = new CoreModuleType();
        foreach (var im in m.Imports)
        {
            CoreExtern e = im.Kind switch
            {
                ExternKind.Func => new CoreExtern(ExternKind.Func, Func: m.Types[im.TypeIndex]),
                ExternKind.Table => new CoreExtern(ExternKind.Table, Table: im.Table),
                ExternKind.Memory => new CoreExtern(ExternKind.Memory, Memory: im.Memory),
                ExternKind.Tag => CoreExtern.TagOf(m.Types[im.TypeIndex]),
                _ => new CoreExtern(ExternKind.Global, Global: im.Global),
            };
            t.Imports.Add(new CoreImportDesc(im.Module, im.Name, e));
        }
        foreach (var ex in m.Exports)
        {
            t.Exports[ex.Name] = ex.Kind switch
            {
                ExternKind.Func => new CoreExtern(ExternKind.Func, Func: m.FunctionType(ex.Index)),
                ExternKind.Table => new CoreExtern(ExternKind.Table, Table: m.Tables[ex.Index]),
                ExternKind.Memory => new CoreExtern(ExternKind.Memory, Memory: m.Memories[ex.Index]),
                ExternKind.Tag => CoreExtern.TagOf(m.TagType(ex.Index)),
                _ => new CoreExtern(ExternKind.Global, Global: m.GlobalTypes[ex.Index]),
            };
        }
        return t;
    }
}
