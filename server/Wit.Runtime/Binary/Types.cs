using System;
using System.Collections.Generic;
using System.Linq;

namespace Wit.Runtime.Binary;

/// <summary>A value type, by its byte in the binary format.</summary>
public enum ValType : byte
{
    I32 = 0x7F,
    I64 = 0x7E,
    F32 = 0x7D,
    F64 = 0x7C,
    V128 = 0x7B,
    FuncRef = 0x70,
    ExternRef = 0x6F,
    /// <summary>A reference to a caught exception (exception handling; <c>(ref null exn)</c>).</summary>
    ExnRef = 0x69,
}

/// <summary>The kind of an import or export.</summary>
public enum ExternKind : byte
{
    Func = 0,
    Table = 1,
    Memory = 2,
    Global = 3,
    /// <summary>An exception tag (exception handling).</summary>
    Tag = 4,
}

/// <summary>A function type: parameter and result types. Equality is structural.</summary>
public sealed class FuncType : IEquatable<FuncType>
{
    public FuncType(ValType[] parameters, ValType[] results)
    {
        Params = parameters;
        Results = results;
    }

    public ValType[] Params { get; }
    public ValType[] Results { get; }

    public bool Equals(FuncType? other) =>
        other is not null && Params.AsSpan().SequenceEqual(other.Params) && Results.AsSpan().SequenceEqual(other.Results);

    public override bool Equals(object? obj) => obj is FuncType f && Equals(f);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var p in Params)
        {
            h.Add(p);
        }
        h.Add(-1);
        foreach (var r in Results)
        {
            h.Add(r);
        }
        return h.ToHashCode();
    }

    public override string ToString() =>
        $"[{string.Join(" ", Params.Select(TypeNames.Of))}] -> [{string.Join(" ", Results.Select(TypeNames.Of))}]";
}

/// <summary>Limits of a table or memory (<see cref="Max"/> null when unbounded).</summary>
public readonly record struct Limits(ulong Min, ulong? Max);

public sealed record TableType(ValType Element, Limits Limits);

public sealed record MemoryType(Limits Limits);

public readonly record struct GlobalType(ValType Type, bool Mutable);

/// <summary>The text names of value types, as the text format writes them.</summary>
public static class TypeNames
{
    public static string Of(ValType t) => t switch
    {
        ValType.I32 => "i32",
        ValType.I64 => "i64",
        ValType.F32 => "f32",
        ValType.F64 => "f64",
        ValType.V128 => "v128",
        ValType.FuncRef => "funcref",
        ValType.ExternRef => "externref",
        ValType.ExnRef => "exnref",
        _ => $"0x{(byte)t:x2}",
    };

    public static bool IsReference(ValType t) => t is ValType.FuncRef or ValType.ExternRef or ValType.ExnRef;
}

/// <summary>An import: module and field names and the type of what it imports.</summary>
public sealed class Import
{
    public required string Module { get; init; }
    public required string Name { get; init; }
    public required ExternKind Kind { get; init; }
    /// <summary>For a function or tag import, its type index.</summary>
    public int TypeIndex { get; init; }
    public TableType? Table { get; init; }
    public MemoryType? Memory { get; init; }
    public GlobalType Global { get; init; }
}

public sealed record Export(string Name, ExternKind Kind, int Index);

/// <summary>A constant expression, kept as the byte range of its instructions (the final <c>end</c> excluded).</summary>
public readonly record struct ConstExpr(int Start, int End);

/// <summary>A function defined in the module: its type, its declared locals and the byte range of its body.</summary>
public sealed class FunctionBody
{
    public required int Index { get; init; }
    public required int TypeIndex { get; init; }
    /// <summary>The declared locals (parameters not included).</summary>
    public required ValType[] Locals { get; init; }
    /// <summary>The offset of the entry's size field in the code section.</summary>
    public required int EntryOffset { get; init; }
    /// <summary>The offset of the first instruction.</summary>
    public required int CodeStart { get; init; }
    /// <summary>The offset just past the function's final <c>end</c>.</summary>
    public required int CodeEnd { get; init; }

    /// <summary>Set by validation: the branch side table, in the order of the branching instructions.</summary>
    internal Execution.BranchEntry[] SideTable { get; set; } = Array.Empty<Execution.BranchEntry>();

    /// <summary>Set by validation: the body's <c>try_table</c>s in the order they open (exception handling).</summary>
    internal Execution.TryTableHandler[] Handlers { get; set; } = System.Array.Empty<Execution.TryTableHandler>();

    /// <summary>Set by validation: the highest operand stack height of the body.</summary>
    internal int MaxStackHeight { get; set; }
}

public enum SegmentMode : byte
{
    Active,
    Passive,
    Declarative,
}

/// <summary>An element segment. Each item is either a function index (<see cref="FuncIndices"/>) or an expression.</summary>
public sealed class ElementSegment
{
    public required SegmentMode Mode { get; init; }
    public required ValType Type { get; init; }
    public int Table { get; init; }
    public ConstExpr Offset { get; init; }
    /// <summary>The items as function indices (the vec(funcidx) encodings), or null when given as expressions.</summary>
    public int[]? FuncIndices { get; init; }
    public ConstExpr[]? Expressions { get; init; }
    public int Count => FuncIndices?.Length ?? Expressions!.Length;
}

public sealed class DataSegment
{
    public required SegmentMode Mode { get; init; }
    public int Memory { get; init; }
    public ConstExpr Offset { get; init; }
    public required int DataStart { get; init; }
    public required int DataLength { get; init; }
}

public sealed record GlobalDefinition(GlobalType Type, ConstExpr Init);

/// <summary>A custom section: its name and the byte range of its content (after the name).</summary>
public sealed record CustomSection(string Name, int SectionOffset, int ContentStart, int ContentLength);

/// <summary>The decoded <c>name</c> custom section (what could be decoded of it: a malformed name section is ignored, as the spec allows).</summary>
public sealed class NameSection
{
    public string? ModuleName { get; internal set; }
    public Dictionary<int, string> FunctionNames { get; } = new();
    public Dictionary<int, Dictionary<int, string>> LocalNames { get; } = new();
}
