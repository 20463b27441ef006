using System;
using System.Collections.Generic;
using Wit.Runtime.Binary;

namespace Wit.Runtime.Validation;

/// <summary>
/// Validates a decoded module as the spec's validation rules say, type-checking every function body with the spec's
/// algorithm (an operand stack of types and a control stack, both explicit) and building each body's branch side table
/// on the way. Errors are <see cref="WasmException"/>s: <see cref="WasmErrorKind.Invalid"/> for rule violations and
/// <see cref="WasmErrorKind.Malformed"/> for undecodable instructions.
/// </summary>
public static class ModuleValidator
{
    /// <summary>The deepest block nesting accepted in a function body.</summary>
    public const int MaxNesting = 10_000;

    /// <summary>The most pages a 32-bit memory may have.</summary>
    public const ulong MaxPages = 65536;

    public static void Validate(WasmModule m)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.IsValidated)
        {
            return;
        }
        foreach (var im in m.Imports)
        {
            if (im.Kind == ExternKind.Func && (uint)im.TypeIndex >= (uint)m.Types.Count)
            {
                throw Invalid(-1, "unknown type");
            }
        }
        for (int i = m.ImportedFunctionCount; i < m.FunctionTypes.Count; i++)
        {
            if ((uint)m.FunctionTypes[i] >= (uint)m.Types.Count)
            {
                throw Invalid(-1, "unknown type");
            }
        }
        foreach (int t in m.TagTypes)
        {
            if ((uint)t >= (uint)m.Types.Count)
            {
                throw Invalid(-1, "unknown type");
            }
            if (m.Types[t].Results.Length != 0)
            {
                throw Invalid(-1, "non-empty tag result type");
            }
        }
        foreach (var t in m.Tables)
        {
            CheckLimits(t.Limits, uint.MaxValue, "table size must be at most 2^32-1");
        }
        if (!m.Features.MultiMemory && m.Memories.Count > 1)
        {
            throw Invalid(-1, "multiple memories");
        }
        foreach (var mem in m.Memories)
        {
            CheckLimits(mem.Limits, MaxPages, "memory size must be at most 65536 pages (4GiB)");
        }

        var refs = new HashSet<int>();
        foreach (var e in m.Exports)
        {
            if (e.Kind == ExternKind.Func)
            {
                refs.Add(e.Index);
            }
        }
        foreach (var el in m.Elements)
        {
            if (el.FuncIndices != null)
            {
                foreach (var f in el.FuncIndices)
                {
                    refs.Add(f);
                }
            }
            else
            {
                foreach (var ex in el.Expressions!)
                {
                    CollectRefFuncs(m, ex, refs);
                }
            }
        }
        foreach (var g in m.Globals)
        {
            CollectRefFuncs(m, g.Init, refs);
        }

        for (int i = 0; i < m.Globals.Count; i++)
        {
            var g = m.Globals[i];
            CheckConstExpr(m, g.Init, g.Type.Type, m.ImportedGlobalCount + i);
        }
        foreach (var el in m.Elements)
        {
            if (el.Mode == SegmentMode.Active)
            {
                if ((uint)el.Table >= (uint)m.Tables.Count)
                {
                    throw Invalid(el.Offset.Start, "unknown table");
                }
                if (m.Tables[el.Table].Element != el.Type)
                {
                    throw Invalid(el.Offset.Start, "type mismatch");
                }
                CheckConstExpr(m, el.Offset, ValType.I32, m.GlobalTypes.Count);
            }
            if (el.FuncIndices != null)
            {
                foreach (var f in el.FuncIndices)
                {
                    if ((uint)f >= (uint)m.FunctionTypes.Count)
                    {
                        throw Invalid(el.Offset.Start, $"unknown function {f}");
                    }
                }
            }
            else
            {
                foreach (var ex in el.Expressions!)
                {
                    CheckConstExpr(m, ex, el.Type, m.GlobalTypes.Count);
                }
            }
        }
        foreach (var d in m.Data)
        {
            if (d.Mode == SegmentMode.Active)
            {
                if ((uint)d.Memory >= (uint)m.Memories.Count)
                {
                    throw Invalid(d.Offset.Start, $"unknown memory {d.Memory}");
                }
                CheckConstExpr(m, d.Offset, ValType.I32, m.GlobalTypes.Count);
            }
        }
        if (m.Start is int start)
        {
            if ((uint)start >= (uint)m.FunctionTypes.Count)
            {
                throw Invalid(-1, $"unknown function {start}");
            }
            var st = m.FunctionType(start);
            if (st.Params.Length != 0 || st.Results.Length != 0)
            {
                throw Invalid(-1, "start function must have type [] -> []");
            }
        }
        var exportNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in m.Exports)
        {
            if (!exportNames.Add(e.Name))
            {
                throw Invalid(-1, "duplicate export name");
            }
            int count = e.Kind switch
            {
                ExternKind.Func => m.FunctionTypes.Count,
                ExternKind.Table => m.Tables.Count,
                ExternKind.Memory => m.Memories.Count,
                ExternKind.Tag => m.TagTypes.Count,
                _ => m.GlobalTypes.Count,
            };
            if ((uint)e.Index >= (uint)count)
            {
                throw Invalid(-1, $"unknown {e.Kind.ToString().ToLowerInvariant()} {e.Index}");
            }
        }

        var checker = new FunctionChecker(m, refs);
        for (int i = 0; i < m.Bodies.Count; i++)
        {
            try
            {
                checker.Check(m.Bodies[i]);
            }
            catch (WasmException e) when (e.Kind == WasmErrorKind.Invalid)
            {
                // Decoding comes before validation in the spec: a malformed body (this one or a later one) wins.
                for (int j = i; j < m.Bodies.Count; j++)
                {
                    InstructionScanner.Scan(m, m.Bodies[j]);
                }
                throw;
            }
        }
        m.IsValidated = true;
    }

    /// <summary>
    /// For a debugger: the types of the operand stack before the instruction at <paramref name="pc"/> of
    /// <paramref name="body"/> in a validated module (bottom first; 0 where unreachable code leaves a type open), or null
    /// when no instruction of the body starts at <paramref name="pc"/>. The interpreter keeps operands as untyped slots.
    /// </summary>
    public static ValType[]? OperandTypesAt(WasmModule m, FunctionBody body, int pc)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(body);
        if (!m.IsValidated)
        {
            throw new WasmException(WasmErrorKind.Usage, -1, "operand types need a validated module");
        }
        // Validation checked every ref.func already: here any function may be referenced.
        var everyFunction = new HashSet<int>();
        for (int i = 0; i < m.FunctionTypes.Count; i++)
        {
            everyFunction.Add(i);
        }
        return new FunctionChecker(m, everyFunction).OperandTypesAt(body, pc);
    }

    internal static WasmException Invalid(long offset, string message) => new(WasmErrorKind.Invalid, offset, message);

    private static void CheckLimits(Limits l, ulong bound, string message)
    {
        if (l.Min > bound || (l.Max is ulong max && max > bound))
        {
            throw Invalid(-1, message);
        }
        if (l.Max is ulong mx && l.Min > mx)
        {
            throw Invalid(-1, "size minimum must not be greater than maximum");
        }
    }

    private static void CollectRefFuncs(WasmModule m, ConstExpr e, HashSet<int> refs)
    {
        var r = new WasmReader(m.Bytes, e.Start, e.End);
        while (!r.AtEnd)
        {
            byte op = r.ReadByte();
            switch (op)
            {
                case Opcodes.I32Const: r.ReadS32(); break;
                case Opcodes.I64Const: r.ReadS64(); break;
                case Opcodes.F32Const: r.ReadF32Bits(); break;
                case Opcodes.F64Const: r.ReadF64Bits(); break;
                case Opcodes.GlobalGet: r.ReadU32(); break;
                case Opcodes.RefNull: r.ReadByte(); break;
                case Opcodes.RefFunc: refs.Add((int)r.ReadU32()); break;
            }
        }
    }

    /// <summary>
    /// Type-checks a constant expression (the decoder has already limited it to constant instructions): exactly one value
    /// of <paramref name="expected"/> type; <c>global.get</c> may read only imported immutable globals (and, for a
    /// global's initializer, only globals before <paramref name="globalLimit"/>).
    /// </summary>
    private static void CheckConstExpr(WasmModule m, ConstExpr e, ValType expected, int globalLimit)
    {
        var r = new WasmReader(m.Bytes, e.Start, e.End);
        int depth = 0;
        ValType top = 0;
        while (!r.AtEnd)
        {
            int at = r.Position;
            byte op = r.ReadByte();
            ValType t;
            switch (op)
            {
                case Opcodes.I32Const: r.ReadS32(); t = ValType.I32; break;
                case Opcodes.I64Const: r.ReadS64(); t = ValType.I64; break;
                case Opcodes.F32Const: r.ReadF32Bits(); t = ValType.F32; break;
                case Opcodes.F64Const: r.ReadF64Bits(); t = ValType.F64; break;
                case Opcodes.RefNull: t = (ValType)r.ReadByte(); break;
                case Opcodes.RefFunc:
                    {
                        uint f = r.ReadU32();
                        if (f >= (uint)m.FunctionTypes.Count)
                        {
                            throw Invalid(at, $"unknown function {f}");
                        }
                        t = ValType.FuncRef;
                        break;
                    }
                default: // global.get
                    {
                        uint g = r.ReadU32();
                        if (g >= (uint)m.GlobalTypes.Count || g >= (uint)globalLimit)
                        {
                            throw Invalid(at, $"unknown global {g}");
                        }
                        if (g >= (uint)m.ImportedGlobalCount)
                        {
                            throw Invalid(at, "constant expression required");
                        }
                        if (m.GlobalTypes[(int)g].Mutable)
                        {
                            throw Invalid(at, "constant expression required");
                        }
                        t = m.GlobalTypes[(int)g].Type;
                        break;
                    }
            }
            depth++;
            top = t;
        }
        if (depth != 1 || top != expected)
        {
            throw Invalid(e.Start, "type mismatch");
        }
    }
}
