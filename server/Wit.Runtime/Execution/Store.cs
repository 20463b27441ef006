using System;
using System.Collections.Generic;
using Wit.Runtime.Binary;
using Wit.Runtime.Validation;

namespace Wit.Runtime.Execution;

/// <summary>
/// Owns instances, host references and the interpreter that runs them. Not thread-safe: one thread uses a store at a
/// time. References (funcref, externref, exnref) are handles into the store: a function's index plus one, a host
/// object's index plus one, a caught exception's index plus one; 0 is null.
/// </summary>
public sealed class Store
{
    private readonly List<FunctionInstance> _functions = new();
    private readonly List<object> _externs = new();
    private readonly Dictionary<object, ulong> _externIds = new();
    private readonly List<ExceptionInstance> _exceptions = new();
    private readonly Machine _machine;

    public Store(StoreLimits? limits = null)
    {
        Limits = limits ?? new StoreLimits();
        _machine = new Machine(this);
        Fuel = Limits.Fuel ?? long.MaxValue;
    }

    public StoreLimits Limits { get; }

    /// <summary>Fuel left (long.MaxValue when the store has no fuel limit). The embedder may refill it.</summary>
    public long Fuel
    {
        get => _machine.Fuel;
        set => _machine.Fuel = value;
    }

    /// <summary>The debug hooks, or null (the interpreter then runs without any hook check).</summary>
    public DebugHooks? Debug
    {
        get => _machine.Hooks;
        set => _machine.Hooks = value;
    }

    /// <summary>
    /// Under debug hooks, from inside a host function that wasm code called: the wasm frames below it, innermost first
    /// (the caller at its call instruction), as a pause shows them; null when no wasm frame is below or without hooks.
    /// </summary>
    public IReadOnlyList<FrameView>? HostCallerFrames() => _machine.Hooks == null ? null : _machine.HostCallerFrames();

    /// <summary>An externref to a host object (the same object always gives the same reference).</summary>
    public WasmValue ExternRef(object? value)
    {
        if (value == null)
        {
            return WasmValue.Null(ValType.ExternRef);
        }
        if (!_externIds.TryGetValue(value, out var id))
        {
            _externs.Add(value);
            id = (ulong)_externs.Count;
            _externIds[value] = id;
        }
        return new WasmValue(ValType.ExternRef, id);
    }

    /// <summary>The host object of an externref, or null.</summary>
    public object? ExternObject(WasmValue value) =>
        value.Bits == 0 || value.Bits > (ulong)_externs.Count ? null : _externs[(int)(value.Bits - 1)];

    /// <summary>
    /// The exception an exnref refers to, or null. An exception gets its reference when a <c>catch_ref</c> or
    /// <c>catch_all_ref</c> first hands it to wasm code; the store keeps it from then on, as it keeps the host objects
    /// of externrefs.
    /// </summary>
    public ExceptionInstance? ExceptionOf(WasmValue value) => value.Type == ValType.ExnRef ? ExceptionAt(value.Bits) : null;

    internal ExceptionInstance? ExceptionAt(ulong reference) =>
        reference == 0 || reference > (ulong)_exceptions.Count ? null : _exceptions[(int)(reference - 1)];

    /// <summary>The exnref of an exception (the same one each time it is asked).</summary>
    internal ulong ExceptionReference(ExceptionInstance e)
    {
        if (e.Reference == 0)
        {
            _exceptions.Add(e);
            e.Reference = (ulong)_exceptions.Count;
        }
        return e.Reference;
    }

    /// <summary>The function a funcref refers to, or null.</summary>
    public FunctionInstance? FunctionOf(WasmValue value) => FunctionAt(value.Bits);

    internal FunctionInstance? FunctionAt(ulong reference) =>
        reference == 0 || reference > (ulong)_functions.Count ? null : _functions[(int)(reference - 1)];

    /// <summary>A funcref to a function.</summary>
    public WasmValue FuncRef(FunctionInstance? f) => f == null ? WasmValue.Null(ValType.FuncRef) : new WasmValue(ValType.FuncRef, Adopt(f));

    internal ulong Adopt(FunctionInstance f)
    {
        if (f.Owner == this)
        {
            return f.Reference;
        }
        if (f.Owner != null)
        {
            throw new WasmException(WasmErrorKind.Usage, -1, "the function belongs to another store");
        }
        _functions.Add(f);
        f.Owner = this;
        f.Reference = (ulong)_functions.Count;
        return f.Reference;
    }

    /// <summary>
    /// Validates (when not done yet) and instantiates a module: resolves its imports with <paramref name="resolve"/>,
    /// initializes tables and memories from active segments, and runs the start function. Failures are
    /// <see cref="WasmException"/>s: <see cref="WasmErrorKind.Unlinkable"/> for imports, traps for instantiation.
    /// </summary>
    public Instance Instantiate(WasmModule module, Func<Import, ExternValue?> resolve)
    {
        ModuleValidator.Validate(module);
        var inst = new Instance(module, this);
        int fi = 0, ti = 0, mi = 0, gi = 0, xi = 0;
        foreach (var im in module.Imports)
        {
            var value = resolve(im) ?? throw new WasmException(WasmErrorKind.Unlinkable, -1, $"unknown import {im.Module}.{im.Name}");
            if (value.Kind != im.Kind)
            {
                throw Incompatible(im);
            }
            switch (value)
            {
                case FunctionInstance f:
                    if (!f.Type.Equals(module.Types[im.TypeIndex]))
                    {
                        throw Incompatible(im);
                    }
                    Adopt(f);
                    inst.Functions[fi++] = f;
                    break;
                case TableInstance t:
                    if (t.Type.Element != im.Table!.Element || !LimitsMatch(t.CurrentLimits, im.Table.Limits))
                    {
                        throw Incompatible(im);
                    }
                    inst.Tables[ti++] = t;
                    break;
                case MemoryInstance mem:
                    if (!LimitsMatch(mem.CurrentLimits, im.Memory!.Limits))
                    {
                        throw Incompatible(im);
                    }
                    inst.Memories[mi++] = mem;
                    break;
                case GlobalInstance g:
                    if (g.Type != im.Global)
                    {
                        throw Incompatible(im);
                    }
                    inst.Globals[gi++] = g;
                    break;
                case TagInstance tag:
                    // Tags match by exact type; the importer then shares the exporter's tag object (its identity).
                    if (!tag.Type.Equals(module.Types[im.TypeIndex]))
                    {
                        throw Incompatible(im);
                    }
                    inst.Tags[xi++] = tag;
                    break;
            }
        }
        foreach (var body in module.Bodies)
        {
            var f = new WasmFunction(inst, body, module.Types[body.TypeIndex]);
            Adopt(f);
            inst.Functions[body.Index] = f;
        }
        for (int i = module.ImportedTableCount; i < module.Tables.Count; i++)
        {
            inst.Tables[i] = new TableInstance(module.Tables[i]);
        }
        for (int i = module.ImportedMemoryCount; i < module.Memories.Count; i++)
        {
            inst.Memories[i] = new MemoryInstance(module.Memories[i], Limits.MaxMemoryPages);
        }
        for (int i = module.ImportedTagCount; i < module.TagTypes.Count; i++)
        {
            inst.Tags[i] = new TagInstance(module.TagType(i));
        }
        for (int i = 0; i < module.Globals.Count; i++)
        {
            var g = module.Globals[i];
            inst.Globals[module.ImportedGlobalCount + i] = new GlobalInstance(g.Type, Evaluate(inst, g.Init));
        }
        foreach (var e in module.Exports)
        {
            inst.Exports[e.Name] = e.Kind switch
            {
                ExternKind.Func => inst.Functions[e.Index],
                ExternKind.Table => inst.Tables[e.Index],
                ExternKind.Memory => inst.Memories[e.Index],
                ExternKind.Tag => inst.Tags[e.Index],
                _ => inst.Globals[e.Index],
            };
        }
        for (int i = 0; i < module.Elements.Count; i++)
        {
            var el = module.Elements[i];
            var refs = new ulong[el.Count];
            for (int j = 0; j < refs.Length; j++)
            {
                refs[j] = el.FuncIndices != null ? inst.Functions[el.FuncIndices[j]].Reference : Evaluate(inst, el.Expressions![j]);
            }
            inst.ElementRefs[i] = refs;
        }
        for (int i = 0; i < module.Elements.Count; i++)
        {
            var el = module.Elements[i];
            if (el.Mode == SegmentMode.Active)
            {
                uint offset = (uint)Evaluate(inst, el.Offset);
                var table = inst.Tables[el.Table];
                var refs = inst.ElementRefs[i];
                if ((ulong)offset + (ulong)refs.Length > table.Size)
                {
                    throw _machine.TrapOutside("out of bounds table access");
                }
                refs.CopyTo(table.Elements, (int)offset);
            }
            if (el.Mode != SegmentMode.Passive)
            {
                inst.ElementRefs[i] = Array.Empty<ulong>();
            }
        }
        for (int i = 0; i < module.Data.Count; i++)
        {
            var d = module.Data[i];
            if (d.Mode != SegmentMode.Active)
            {
                continue;
            }
            uint offset = (uint)Evaluate(inst, d.Offset);
            var mem = inst.Memories[d.Memory];
            if ((ulong)offset + (ulong)d.DataLength > (ulong)mem.Bytes.Length)
            {
                throw _machine.TrapOutside("out of bounds memory access");
            }
            module.Span(d.DataStart, d.DataLength).CopyTo(mem.Bytes.AsSpan((int)offset));
            inst.DataDropped[i] = true;
        }
        if (module.Start is int start)
        {
            Invoke(inst.Functions[start]);
        }
        return inst;
    }

    private static WasmException Incompatible(Import im) =>
        new(WasmErrorKind.Unlinkable, -1, $"incompatible import type for {im.Module}.{im.Name}");

    private static bool LimitsMatch(Limits actual, Limits expected)
    {
        if (actual.Min < expected.Min)
        {
            return false;
        }
        if (expected.Max is ulong max)
        {
            return actual.Max is ulong am && am <= max;
        }
        return true;
    }

    /// <summary>Evaluates a validated constant expression (one constant instruction).</summary>
    private static ulong Evaluate(Instance inst, ConstExpr e)
    {
        var r = new WasmReader(inst.Module.Bytes, e.Start, e.End);
        byte op = r.ReadByte();
        return op switch
        {
            Opcodes.I32Const => (uint)r.ReadS32(),
            Opcodes.I64Const => (ulong)r.ReadS64(),
            Opcodes.F32Const => r.ReadF32Bits(),
            Opcodes.F64Const => r.ReadF64Bits(),
            Opcodes.RefNull => 0,
            Opcodes.RefFunc => inst.Functions[(int)r.ReadU32()].Reference,
            _ => inst.Globals[(int)r.ReadU32()].Bits,
        };
    }

    /// <summary>Calls a function with arguments of its parameter types; returns its results.</summary>
    public WasmValue[] Invoke(FunctionInstance function, params WasmValue[] args)
    {
        ArgumentNullException.ThrowIfNull(function);
        var type = function.Type;
        if (args.Length != type.Params.Length)
        {
            throw new WasmException(WasmErrorKind.Usage, -1, $"expected {type.Params.Length} arguments, got {args.Length}");
        }
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i].Type != type.Params[i])
            {
                throw new WasmException(WasmErrorKind.Usage, -1, $"argument {i} is {TypeNames.Of(args[i].Type)}, expected {TypeNames.Of(type.Params[i])}");
            }
        }
        Adopt(function);
        return _machine.Invoke(function, args);
    }
}
