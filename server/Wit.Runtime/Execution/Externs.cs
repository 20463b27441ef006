using System;
using Wit.Runtime.Binary;

namespace Wit.Runtime.Execution;

/// <summary>Something an instance can import or export: a function, table, memory or global.</summary>
public abstract class ExternValue
{
    public abstract ExternKind Kind { get; }
}

/// <summary>A value crossing the API: its type and its bits (i32/i64 as integers, floats as their IEEE bits, references as store handles, 0 for null).</summary>
public readonly record struct WasmValue(ValType Type, ulong Bits)
{
    public static WasmValue I32(int v) => new(ValType.I32, (uint)v);
    public static WasmValue I64(long v) => new(ValType.I64, (ulong)v);
    public static WasmValue F32(float v) => new(ValType.F32, BitConverter.SingleToUInt32Bits(v));
    public static WasmValue F64(double v) => new(ValType.F64, BitConverter.DoubleToUInt64Bits(v));
    public static WasmValue Null(ValType t) => new(t, 0);

    public int AsI32 => (int)(uint)Bits;
    public long AsI64 => (long)Bits;
    public float AsF32 => BitConverter.UInt32BitsToSingle((uint)Bits);
    public double AsF64 => BitConverter.UInt64BitsToDouble(Bits);
    public bool IsNull => Bits == 0;

    public override string ToString() => Type switch
    {
        ValType.I32 => $"i32:{AsI32}",
        ValType.I64 => $"i64:{AsI64}",
        ValType.F32 => $"f32:{AsF32}",
        ValType.F64 => $"f64:{AsF64}",
        _ => IsNull ? $"{TypeNames.Of(Type)}:null" : $"{TypeNames.Of(Type)}:{Bits - 1}",
    };
}

/// <summary>A function: defined in a module instance (<see cref="WasmFunction"/>) or by the host (<see cref="HostFunction"/>).</summary>
public abstract class FunctionInstance : ExternValue
{
    protected FunctionInstance(FuncType type) => Type = type;

    public override ExternKind Kind => ExternKind.Func;
    public FuncType Type { get; }

    /// <summary>The function's reference value in its store (its index there plus one), set when the store adopts it.</summary>
    internal ulong Reference { get; set; }
    internal Store? Owner { get; set; }
}

/// <summary>The signature of a host function: arguments in, results out (as many as the type has, preallocated).</summary>
public delegate void HostCallback(Caller caller, ReadOnlySpan<WasmValue> args, Span<WasmValue> results);

/// <summary>A function the embedder implements in C#.</summary>
public sealed class HostFunction : FunctionInstance
{
    public HostFunction(FuncType type, HostCallback callback, string? name = null) : base(type)
    {
        Callback = callback;
        Name = name;
    }

    public HostCallback Callback { get; }
    public string? Name { get; }
}

/// <summary>What a host function sees of its caller: the store, and the calling instance's memories.</summary>
public readonly struct Caller
{
    internal Caller(Store store, Instance? instance)
    {
        Store = store;
        Instance = instance;
    }

    public Store Store { get; }
    /// <summary>The instance whose code called the host function, or null when the embedder called it directly.</summary>
    public Instance? Instance { get; }
}

/// <summary>A function defined by a module, bound to its instance.</summary>
public sealed class WasmFunction : FunctionInstance
{
    internal WasmFunction(Instance instance, FunctionBody body, FuncType type) : base(type)
    {
        Instance = instance;
        Body = body;
        Code = instance.Module.Bytes;
        Side = body.SideTable;
        ParamCount = type.Params.Length;
        LocalCount = type.Params.Length + body.Locals.Length;
        ResultCount = type.Results.Length;
        FrameSize = LocalCount + body.MaxStackHeight;
    }

    public Instance Instance { get; }
    public FunctionBody Body { get; }
    public int Index => Body.Index;
    public string? Name => Instance.Module.FunctionName(Body.Index);

    internal readonly byte[] Code;
    internal readonly BranchEntry[] Side;
    internal readonly int ParamCount;
    internal readonly int LocalCount;
    internal readonly int ResultCount;
    internal readonly int FrameSize;
}

/// <summary>A linear memory. Its bytes are one array (replaced when it grows), so it holds at most <see cref="MaxPagesSupported"/> pages.</summary>
public sealed class MemoryInstance : ExternValue
{
    public const int PageSize = 65536;
    /// <summary>The most pages one .NET array holds (2 GiB less one page).</summary>
    public const uint MaxPagesSupported = 32767;

    public MemoryInstance(MemoryType type, uint maxPagesAllowed = MaxPagesSupported)
    {
        if (type.Limits.Min > Math.Min(maxPagesAllowed, MaxPagesSupported))
        {
            throw new WasmException(WasmErrorKind.Limit, -1, $"memory of {type.Limits.Min} pages is over the limit of {Math.Min(maxPagesAllowed, MaxPagesSupported)} pages");
        }
        Type = type;
        Limit = Math.Min(maxPagesAllowed, MaxPagesSupported);
        Bytes = new byte[checked((int)type.Limits.Min * PageSize)];
    }

    public override ExternKind Kind => ExternKind.Memory;
    public MemoryType Type { get; private set; }
    internal uint Limit { get; }

    /// <summary>The memory's contents (a new array after each growth).</summary>
    public byte[] Bytes { get; private set; }

    public uint Pages => (uint)(Bytes.Length / PageSize);

    /// <summary>Grows by <paramref name="delta"/> pages; returns the old size in pages, or -1 when it cannot grow.</summary>
    public int Grow(uint delta)
    {
        uint old = Pages;
        ulong target = (ulong)old + delta;
        ulong max = Type.Limits.Max ?? 65536;
        if (target > max || target > Limit)
        {
            return -1;
        }
        if (delta != 0)
        {
            var bytes = new byte[(int)target * PageSize];
            Bytes.AsSpan().CopyTo(bytes);
            Bytes = bytes;
        }
        return (int)old;
    }

    /// <summary>The type as an importer sees it now: its current size as the minimum.</summary>
    internal Limits CurrentLimits => new(Pages, Type.Limits.Max);
}

/// <summary>A table of references (each a store handle, 0 for null).</summary>
public sealed class TableInstance : ExternValue
{
    /// <summary>The most elements a table may have in this engine.</summary>
    public const uint MaxElements = 10_000_000;

    public TableInstance(TableType type, ulong init = 0)
    {
        if (type.Limits.Min > MaxElements)
        {
            throw new WasmException(WasmErrorKind.Limit, -1, $"table of {type.Limits.Min} elements is over the limit of {MaxElements}");
        }
        Type = type;
        Elements = new ulong[(int)type.Limits.Min];
        if (init != 0)
        {
            Array.Fill(Elements, init);
        }
    }

    public override ExternKind Kind => ExternKind.Table;
    public TableType Type { get; }
    internal ulong[] Elements;
    public uint Size => (uint)Elements.Length;

    public int Grow(uint delta, ulong init)
    {
        uint old = Size;
        ulong target = (ulong)old + delta;
        if (target > (Type.Limits.Max ?? uint.MaxValue) || target > MaxElements)
        {
            return -1;
        }
        var e = new ulong[(int)target];
        Elements.AsSpan().CopyTo(e);
        e.AsSpan((int)old).Fill(init);
        Elements = e;
        return (int)old;
    }

    public WasmValue this[uint index] => new(Type.Element, Elements[index]);

    internal Limits CurrentLimits => new(Size, Type.Limits.Max);
}

/// <summary>A global variable.</summary>
public sealed class GlobalInstance : ExternValue
{
    public GlobalInstance(GlobalType type, ulong bits)
    {
        Type = type;
        Bits = bits;
    }

    public override ExternKind Kind => ExternKind.Global;
    public GlobalType Type { get; }
    internal ulong Bits;
    public WasmValue Value => new(Type.Type, Bits);
}
