using System;
using System.Collections.Generic;
using Wit.Runtime.Binary;
using Wit.Runtime.Execution;

namespace Wit.Runtime.Validation;

/// <summary>
/// The spec's validation algorithm for one function body (appendix "Validation Algorithm"): an operand stack of types
/// (0 for the unknown type of unreachable code) and a control stack, both explicit lists, so nesting costs no host
/// stack. On the way it builds the body's branch side table (see <see cref="BranchEntry"/>).
/// </summary>
internal sealed class FunctionChecker
{
    private const ValType Unknown = 0;

    private readonly WasmModule _m;
    private readonly HashSet<int> _refs;
    private readonly List<ValType> _vals = new();
    private readonly List<Control> _ctrls = new();
    private readonly List<BranchEntry> _side = new();
    private readonly List<TryTableHandler> _handlers = new();
    private ValType[] _locals = Array.Empty<ValType>();
    private int _maxHeight;
    private int _pos;

    public FunctionChecker(WasmModule m, HashSet<int> refs)
    {
        _m = m;
        _refs = refs;
    }

    private struct Control
    {
        public byte Opcode;
        public ValType[] Params;
        public ValType[] Results;
        public int Height;
        public bool Unreachable;
        /// <summary>For a loop: the target pc and side-table index of branches to it.</summary>
        public int LoopPc;
        public int LoopStp;
        /// <summary>Side-table entries that branch to this block's end, waiting for it to be reached.</summary>
        public List<int>? Pending;
        /// <summary>For an if: the entry its false branch uses.</summary>
        public int IfEntry;
        /// <summary>For a try_table: its index in the body's handlers (whose end its end sets), else -1.</summary>
        public int Handler;
    }

    public void Check(FunctionBody body)
    {
        Run(body, -1);
        body.SideTable = _side.ToArray();
        body.Handlers = _handlers.ToArray();
        body.MaxStackHeight = _maxHeight;
    }

    /// <summary>
    /// The operand stack's types before the instruction at <paramref name="pc"/> of a body that validates (bottom
    /// first; 0 for a type unreachable code leaves open), or null when no instruction of the body starts there.
    /// </summary>
    public ValType[]? OperandTypesAt(FunctionBody body, int pc) => Run(body, pc) ? _vals.ToArray() : null;

    /// <summary>Checks the body, or only up to the instruction at <paramref name="stopAt"/>: true when it stopped there.</summary>
    private bool Run(FunctionBody body, int stopAt)
    {
        _vals.Clear();
        _ctrls.Clear();
        _side.Clear();
        _handlers.Clear();
        _maxHeight = 0;
        var type = _m.Types[body.TypeIndex];
        _locals = new ValType[type.Params.Length + body.Locals.Length];
        type.Params.CopyTo(_locals, 0);
        body.Locals.CopyTo(_locals, type.Params.Length);

        var r = new WasmReader(_m.Bytes, body.CodeStart, body.CodeEnd);
        _ctrls.Add(new Control { Opcode = Opcodes.Block, Params = Array.Empty<ValType>(), Results = type.Results, Height = 0, Pending = new List<int>(), IfEntry = -1, Handler = -1 });
        while (true)
        {
            if (r.AtEnd)
            {
                throw WasmReader.Malformed(r.Position, "unexpected end of section or function");
            }
            _pos = r.Position;
            if (_pos == stopAt)
            {
                return true;
            }
            byte op = r.ReadByte();
            Step(ref r, op, body);
            if (_ctrls.Count == 0)
            {
                if (!r.AtEnd)
                {
                    throw WasmReader.Malformed(r.Position, "section size mismatch");
                }
                break;
            }
        }
        return false;
    }


    private WasmException Invalid(string message) => ModuleValidator.Invalid(_pos, message);

    private void Push(ValType t)
    {
        _vals.Add(t);
        if (_vals.Count > _maxHeight)
        {
            _maxHeight = _vals.Count;
        }
    }

    private ValType Pop()
    {
        var c = _ctrls[^1];
        if (_vals.Count == c.Height)
        {
            if (c.Unreachable)
            {
                return Unknown;
            }
            throw Invalid("type mismatch");
        }
        var t = _vals[^1];
        _vals.RemoveAt(_vals.Count - 1);
        return t;
    }

    /// <summary>Pops an operand of the expected type; returns the actual type (<c>Unknown</c> in unreachable code).</summary>
    private ValType Pop(ValType expected)
    {
        var actual = Pop();
        if (actual != expected && actual != Unknown && expected != Unknown)
        {
            throw Invalid("type mismatch");
        }
        return actual;
    }

    private void PopI32s(int count)
    {
        for (int i = 0; i < count; i++)
        {
            Pop(ValType.I32);
        }
    }

    private void PopAll(ValType[] types)
    {
        for (int i = types.Length - 1; i >= 0; i--)
        {
            Pop(types[i]);
        }
    }

    private void PushAll(ValType[] types)
    {
        foreach (var t in types)
        {
            Push(t);
        }
    }

    private void PushControl(byte opcode, ValType[] ps, ValType[] rs, int loopPc)
    {
        if (_ctrls.Count >= ModuleValidator.MaxNesting)
        {
            throw new WasmException(WasmErrorKind.Unsupported, _pos, $"blocks nested deeper than {ModuleValidator.MaxNesting}");
        }
        _ctrls.Add(new Control
        {
            Opcode = opcode,
            Params = ps,
            Results = rs,
            Height = _vals.Count,
            LoopPc = loopPc,
            LoopStp = _side.Count,
            Pending = opcode == Opcodes.Loop ? null : new List<int>(),
            IfEntry = -1,
            Handler = -1,
        });
        PushAll(ps);
    }

    private Control PopControl()
    {
        var c = _ctrls[^1];
        PopAll(c.Results);
        if (_vals.Count != c.Height)
        {
            throw Invalid("type mismatch");
        }
        _ctrls.RemoveAt(_ctrls.Count - 1);
        return c;
    }

    private void Unreachable()
    {
        var c = _ctrls[^1];
        _vals.RemoveRange(c.Height, _vals.Count - c.Height);
        c.Unreachable = true;
        _ctrls[^1] = c;
    }

    private static ValType[] LabelTypes(in Control c) => c.Opcode == Opcodes.Loop ? c.Params : c.Results;

    /// <summary>Adds a side-table entry for a branch to the label <paramref name="depth"/> levels out.</summary>
    private void AddBranch(int depth)
    {
        var c = _ctrls[_ctrls.Count - 1 - depth];
        var entry = new BranchEntry { Height = c.Height, Keep = LabelTypes(c).Length };
        if (c.Opcode == Opcodes.Loop)
        {
            entry.TargetPc = c.LoopPc;
            entry.TargetStp = c.LoopStp;
        }
        else
        {
            c.Pending!.Add(_side.Count);
        }
        _side.Add(entry);
    }

    private int Label(ref WasmReader r)
    {
        uint depth = r.ReadU32();
        if (depth >= (uint)_ctrls.Count)
        {
            throw Invalid("unknown label");
        }
        return (int)depth;
    }

    private (ValType[] Params, ValType[] Results) BlockType(ref WasmReader r)
    {
        byte b = r.PeekByte();
        if (b == 0x40)
        {
            r.Position++;
            return (Array.Empty<ValType>(), Array.Empty<ValType>());
        }
        if (b is 0x7F or 0x7E or 0x7D or 0x7C or 0x70 or 0x6F or 0x7B || (b == 0x69 && _m.Features.ExceptionHandling))
        {
            var t = ModuleDecoder.ReadValType(ref r, _m.Features.ExceptionHandling);
            return (Array.Empty<ValType>(), new[] { t });
        }
        long index = r.ReadS33();
        if (index < 0)
        {
            throw WasmReader.Malformed(_pos + 1, "malformed value type");
        }
        if (index >= _m.Types.Count)
        {
            throw Invalid("unknown type");
        }
        var ft = _m.Types[(int)index];
        return (ft.Params, ft.Results);
    }

    private ValType Local(ref WasmReader r)
    {
        uint i = r.ReadU32();
        if (i >= (uint)_locals.Length)
        {
            throw Invalid("unknown local");
        }
        return _locals[i];
    }

    /// <summary>The memory index of a memory instruction: a u32 with multi-memory, else a zero byte.</summary>
    private uint MemoryIndex(ref WasmReader r)
    {
        if (_m.Features.MultiMemory)
        {
            return r.ReadU32();
        }
        int at = r.Position;
        if (r.ReadByte() != 0)
        {
            throw WasmReader.Malformed(at, "zero byte expected");
        }
        return 0;
    }

    private void CheckMemory(uint index)
    {
        if (index >= (uint)_m.Memories.Count)
        {
            throw Invalid($"unknown memory {index}");
        }
    }

    private TableType Table(uint index)
    {
        if (index >= (uint)_m.Tables.Count)
        {
            throw Invalid($"unknown table {index}");
        }
        return _m.Tables[(int)index];
    }

    private void CheckData(uint index)
    {
        // An index past every segment is invalid; one that exists needs the data count section (a binary-format rule).
        if (index >= (uint)(_m.DataCount ?? _m.Data.Count))
        {
            throw Invalid($"unknown data segment {index}");
        }
        if (_m.DataCount == null)
        {
            throw WasmReader.Malformed(_pos, "data count section required");
        }
    }

    private ElementSegment Elem(uint index)
    {
        if (index >= (uint)_m.Elements.Count)
        {
            throw Invalid($"unknown elem segment {index}");
        }
        return _m.Elements[(int)index];
    }

    /// <summary>Reads a memarg (multi-memory: bit 6 of the flags means a memory index follows) and checks it.</summary>
    private void MemArg(ref WasmReader r, int naturalAlignLog2)
    {
        uint flags = r.ReadU32();
        uint memory = 0;
        if ((flags & 0x40) != 0 && _m.Features.MultiMemory)
        {
            memory = r.ReadU32();
            flags &= ~0x40u;
        }
        r.ReadU32();
        if (flags > (uint)naturalAlignLog2)
        {
            throw Invalid("alignment must not be larger than natural");
        }
        CheckMemory(memory);
    }

    private void Step(ref WasmReader r, byte op, FunctionBody body)
    {
        switch (op)
        {
            case Opcodes.Unreachable:
                Unreachable();
                return;
            case Opcodes.Nop:
                return;
            case Opcodes.Block:
            case Opcodes.Loop:
                {
                    var (ps, rs) = BlockType(ref r);
                    PopAll(ps);
                    PushControl(op, ps, rs, _pos);
                    return;
                }
            case Opcodes.If:
                {
                    var (ps, rs) = BlockType(ref r);
                    Pop(ValType.I32);
                    PopAll(ps);
                    PushControl(op, ps, rs, 0);
                    var c = _ctrls[^1];
                    c.IfEntry = _side.Count;
                    _ctrls[^1] = c;
                    _side.Add(default);
                    return;
                }
            case Opcodes.Else:
                {
                    var c = _ctrls[^1];
                    if (c.Opcode != Opcodes.If)
                    {
                        throw Invalid("else without if");
                    }
                    PopControl();
                    // The end of the then-branch jumps over the else-branch: this entry waits for the end.
                    c.Pending!.Add(_side.Count);
                    _side.Add(default);
                    // A false condition lands just after this else, past its entry.
                    _side[c.IfEntry] = new BranchEntry { TargetPc = r.Position, TargetStp = _side.Count };
                    c.IfEntry = -1;
                    c.Opcode = Opcodes.Else;
                    c.Height = _vals.Count;
                    c.Unreachable = false;
                    _ctrls.Add(c);
                    PushAll(c.Params);
                    return;
                }
            case Opcodes.End:
                {
                    var c = _ctrls[^1];
                    if (c.Opcode == Opcodes.If && !c.Params.AsSpan().SequenceEqual(c.Results))
                    {
                        // An if without else behaves as if its else-branch passed the parameters through.
                        throw Invalid("type mismatch");
                    }
                    PopControl();
                    if (c.Handler >= 0)
                    {
                        _handlers[c.Handler].End = _pos;
                    }
                    bool functionEnd = _ctrls.Count == 0;
                    // Branches to a block land after its end; to the function's label, on its final end (which returns).
                    int target = functionEnd ? _pos : r.Position;
                    if (c.IfEntry >= 0)
                    {
                        _side[c.IfEntry] = new BranchEntry { TargetPc = target, TargetStp = _side.Count };
                    }
                    if (c.Pending != null)
                    {
                        foreach (int e in c.Pending)
                        {
                            var entry = _side[e];
                            entry.TargetPc = target;
                            entry.TargetStp = _side.Count;
                            _side[e] = entry;
                        }
                    }
                    PushAll(c.Results);
                    return;
                }
            case Opcodes.Br:
                {
                    int d = Label(ref r);
                    PopAll(LabelTypes(_ctrls[_ctrls.Count - 1 - d]));
                    AddBranch(d);
                    Unreachable();
                    return;
                }
            case Opcodes.BrIf:
                {
                    int d = Label(ref r);
                    Pop(ValType.I32);
                    var types = LabelTypes(_ctrls[_ctrls.Count - 1 - d]);
                    PopAll(types);
                    AddBranch(d);
                    PushAll(types);
                    return;
                }
            case Opcodes.BrTable:
                {
                    int n = r.ReadCount();
                    // First pass: read the labels (checked against the bytes left) and the default.
                    var labels = new int[n + 1];
                    for (int i = 0; i <= n; i++)
                    {
                        labels[i] = Label(ref r);
                    }
                    Pop(ValType.I32);
                    int arity = LabelTypes(_ctrls[_ctrls.Count - 1 - labels[n]]).Length;
                    foreach (int d in labels)
                    {
                        var types = LabelTypes(_ctrls[_ctrls.Count - 1 - d]);
                        if (types.Length != arity)
                        {
                            throw Invalid("type mismatch");
                        }
                        // Check the operands against this label without consuming them.
                        var popped = new ValType[arity];
                        for (int i = arity - 1; i >= 0; i--)
                        {
                            popped[i] = Pop(types[i]);
                        }
                        PushAll(popped);
                        AddBranch(d);
                    }
                    PopAll(LabelTypes(_ctrls[_ctrls.Count - 1 - labels[n]]));
                    Unreachable();
                    return;
                }
            case Opcodes.Return:
                PopAll(_ctrls[0].Results);
                AddBranch(_ctrls.Count - 1);
                Unreachable();
                return;
            case Opcodes.Call:
                {
                    uint f = r.ReadU32();
                    if (f >= (uint)_m.FunctionTypes.Count)
                    {
                        throw Invalid($"unknown function {f}");
                    }
                    var ft = _m.FunctionType((int)f);
                    PopAll(ft.Params);
                    PushAll(ft.Results);
                    return;
                }
            case Opcodes.CallIndirect:
                {
                    uint ti = r.ReadU32();
                    uint table = r.ReadU32();
                    if (Table(table).Element != ValType.FuncRef)
                    {
                        throw Invalid("type mismatch");
                    }
                    if (ti >= (uint)_m.Types.Count)
                    {
                        throw Invalid("unknown type");
                    }
                    Pop(ValType.I32);
                    var ft = _m.Types[(int)ti];
                    PopAll(ft.Params);
                    PushAll(ft.Results);
                    return;
                }
            case Opcodes.Drop:
                Pop();
                return;
            case Opcodes.Select:
                {
                    Pop(ValType.I32);
                    var t1 = Pop();
                    var t2 = Pop();
                    if (TypeNames.IsReference(t1) || TypeNames.IsReference(t2))
                    {
                        throw Invalid("type mismatch");
                    }
                    if (t1 != t2 && t1 != Unknown && t2 != Unknown)
                    {
                        throw Invalid("type mismatch");
                    }
                    Push(t1 == Unknown ? t2 : t1);
                    return;
                }
            case Opcodes.SelectT:
                {
                    int n = r.ReadCount();
                    if (n != 1)
                    {
                        throw Invalid("invalid result arity");
                    }
                    var t = ModuleDecoder.ReadValType(ref r, _m.Features.ExceptionHandling);
                    Pop(ValType.I32);
                    Pop(t);
                    Pop(t);
                    Push(t);
                    return;
                }
            case Opcodes.LocalGet:
                Push(Local(ref r));
                return;
            case Opcodes.LocalSet:
                Pop(Local(ref r));
                return;
            case Opcodes.LocalTee:
                {
                    var t = Local(ref r);
                    Pop(t);
                    Push(t);
                    return;
                }
            case Opcodes.GlobalGet:
            case Opcodes.GlobalSet:
                {
                    uint g = r.ReadU32();
                    if (g >= (uint)_m.GlobalTypes.Count)
                    {
                        throw Invalid($"unknown global {g}");
                    }
                    var gt = _m.GlobalTypes[(int)g];
                    if (op == Opcodes.GlobalGet)
                    {
                        Push(gt.Type);
                    }
                    else
                    {
                        if (!gt.Mutable)
                        {
                            throw Invalid("global is immutable");
                        }
                        Pop(gt.Type);
                    }
                    return;
                }
            case Opcodes.TableGet:
                {
                    var t = Table(r.ReadU32());
                    Pop(ValType.I32);
                    Push(t.Element);
                    return;
                }
            case Opcodes.TableSet:
                {
                    var t = Table(r.ReadU32());
                    Pop(t.Element);
                    Pop(ValType.I32);
                    return;
                }
            case Opcodes.MemorySize:
                CheckMemory(MemoryIndex(ref r));
                Push(ValType.I32);
                return;
            case Opcodes.MemoryGrow:
                CheckMemory(MemoryIndex(ref r));
                Pop(ValType.I32);
                Push(ValType.I32);
                return;
            case Opcodes.I32Const:
                r.ReadS32();
                Push(ValType.I32);
                return;
            case Opcodes.I64Const:
                r.ReadS64();
                Push(ValType.I64);
                return;
            case Opcodes.F32Const:
                r.ReadF32Bits();
                Push(ValType.F32);
                return;
            case Opcodes.F64Const:
                r.ReadF64Bits();
                Push(ValType.F64);
                return;
            case Opcodes.RefNull:
                Push(ModuleDecoder.ReadRefType(ref r, _m.Features.ExceptionHandling));
                return;
            case Opcodes.RefIsNull:
                {
                    var t = Pop();
                    if (t != Unknown && !TypeNames.IsReference(t))
                    {
                        throw Invalid("type mismatch");
                    }
                    Push(ValType.I32);
                    return;
                }
            case Opcodes.RefFunc:
                {
                    uint f = r.ReadU32();
                    if (f >= (uint)_m.FunctionTypes.Count)
                    {
                        throw Invalid($"unknown function {f}");
                    }
                    if (!_refs.Contains((int)f))
                    {
                        throw Invalid("undeclared function reference");
                    }
                    Push(ValType.FuncRef);
                    return;
                }
            case Opcodes.PrefixFC:
                StepFC(ref r);
                return;
            case Opcodes.Throw when _m.Features.ExceptionHandling:
                PopAll(Tag(r.ReadU32()).Params);
                Unreachable();
                return;
            case Opcodes.ThrowRef when _m.Features.ExceptionHandling:
                Pop(ValType.ExnRef);
                Unreachable();
                return;
            case Opcodes.TryTable when _m.Features.ExceptionHandling:
                TryTable(ref r);
                return;
            case Opcodes.PrefixSimd:
                {
                    uint sub = r.ReadU32();
                    throw new WasmException(WasmErrorKind.Unsupported, _pos, $"unsupported opcode 0xfd 0x{sub:x} (SIMD is not implemented)");
                }
        }
        if (op >= 0x28 && op <= 0x3E)
        {
            var (align, t, store) = Opcodes.MemoryAccess(op);
            MemArg(ref r, align);
            if (store)
            {
                Pop(t);
                Pop(ValType.I32);
            }
            else
            {
                Pop(ValType.I32);
                Push(t);
            }
            return;
        }
        if (op >= 0x45 && op <= 0xC4)
        {
            var (a, b, result) = Opcodes.Numeric(op);
            if (b != 0)
            {
                Pop(b);
            }
            Pop(a);
            Push(result);
            return;
        }
        throw WasmReader.Malformed(_pos, "illegal opcode");
    }

    private FuncType Tag(uint index)
    {
        if (index >= (uint)_m.TagTypes.Count)
        {
            throw Invalid($"unknown tag {index}");
        }
        return _m.TagType((int)index);
    }

    /// <summary>
    /// <c>try_table bt catch* instr* end</c>: the catch clauses' labels are read in the enclosing context (the block's
    /// own label does not exist yet), each clause gets the side-table entry of its branch, and the block itself is
    /// checked as a <c>block</c>; the handler's range ends at the block's <c>end</c>.
    /// </summary>
    private void TryTable(ref WasmReader r)
    {
        var (ps, rs) = BlockType(ref r);
        int n = r.ReadCount(2);
        var tags = new int[n];
        var withRef = new bool[n];
        int first = _side.Count;
        for (int i = 0; i < n; i++)
        {
            int at = r.Position;
            byte kind = r.ReadByte();
            if (kind > 3)
            {
                throw WasmReader.Malformed(at, "malformed catch clause");
            }
            var payload = Array.Empty<ValType>();
            tags[i] = -1;
            if (kind < 2)
            {
                uint tag = r.ReadU32();
                payload = Tag(tag).Params;
                tags[i] = (int)tag;
            }
            withRef[i] = kind is 1 or 3;
            int d = Label(ref r);
            var label = LabelTypes(_ctrls[_ctrls.Count - 1 - d]);
            int arity = payload.Length + (withRef[i] ? 1 : 0);
            bool matches = label.Length == arity && label.AsSpan(0, payload.Length).SequenceEqual(payload)
                && (!withRef[i] || label[^1] == ValType.ExnRef);
            if (!matches)
            {
                throw Invalid("type mismatch");
            }
            AddBranch(d);
        }
        PopAll(ps);
        PushControl(Opcodes.TryTable, ps, rs, 0);
        var c = _ctrls[^1];
        c.Handler = _handlers.Count;
        _ctrls[^1] = c;
        _handlers.Add(new TryTableHandler { Start = r.Position, FirstEntry = first, Tags = tags, WithRef = withRef });
    }

    private void StepFC(ref WasmReader r)
    {
        uint sub = r.ReadU32();
        switch (sub)
        {
            case <= 7:
                {
                    var (from, to) = Opcodes.TruncSat(sub);
                    Pop(from);
                    Push(to);
                    return;
                }
            case 8: // memory.init
                {
                    uint d = r.ReadU32();
                    CheckMemory(MemoryIndex(ref r));
                    CheckData(d);
                    PopI32s(3);
                    return;
                }
            case 9: // data.drop
                CheckData(r.ReadU32());
                return;
            case 10: // memory.copy
                CheckMemory(MemoryIndex(ref r));
                CheckMemory(MemoryIndex(ref r));
                PopI32s(3);
                return;
            case 11: // memory.fill
                CheckMemory(MemoryIndex(ref r));
                PopI32s(3);
                return;
            case 12: // table.init
                {
                    var e = Elem(r.ReadU32());
                    var t = Table(r.ReadU32());
                    if (e.Type != t.Element)
                    {
                        throw Invalid("type mismatch");
                    }
                    PopI32s(3);
                    return;
                }
            case 13: // elem.drop
                Elem(r.ReadU32());
                return;
            case 14: // table.copy
                {
                    var dst = Table(r.ReadU32());
                    var src = Table(r.ReadU32());
                    if (dst.Element != src.Element)
                    {
                        throw Invalid("type mismatch");
                    }
                    PopI32s(3);
                    return;
                }
            case 15: // table.grow
                {
                    var t = Table(r.ReadU32());
                    Pop(ValType.I32);
                    Pop(t.Element);
                    Push(ValType.I32);
                    return;
                }
            case 16: // table.size
                Table(r.ReadU32());
                Push(ValType.I32);
                return;
            case 17: // table.fill
                {
                    var t = Table(r.ReadU32());
                    Pop(ValType.I32);
                    Pop(t.Element);
                    Pop(ValType.I32);
                    return;
                }
            default:
                throw WasmReader.Malformed(_pos, "illegal opcode");
        }
    }
}
