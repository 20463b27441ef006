using System;
using System.Collections.Generic;
using Wit.Runtime.Binary;

namespace Wit.Runtime.Text;

/// <summary>
/// Encodes instruction sequences: flat (<c>block .. end</c>) and folded (<c>(i32.add (a) (b))</c>, <c>(if (c) (then
/// ..) (else ..))</c>) forms, labels by name or depth, locals by name or index, and every immediate. Folded
/// instructions recurse once per list level, which <see cref="SExprReader.MaxNesting"/> bounds.
/// </summary>
internal sealed class WatBodyWriter
{
    private readonly WatModuleBuilder _m;
    private readonly WatContext _cx;
    private readonly ByteBuffer _o = new();
    private readonly IndexSpace _locals = new("local");
    private readonly List<(SExpr? Label, byte Op, bool SeenElse)> _frames = new();

    public WatBodyWriter(WatModuleBuilder module)
    {
        _m = module;
        _cx = module.Context;
    }

    /// <summary>A function's locals and body (without the size prefix), from <c>(local ..)*</c> on.</summary>
    public ByteBuffer Function(List<SExpr> items, int i, ValType[] parameters, List<SExpr?>? paramNames)
    {
        for (int p = 0; p < parameters.Length; p++)
        {
            _locals.Define(paramNames?[p], _cx);
        }
        var locals = new List<ValType>();
        while (i < items.Count && items[i].Head == "local")
        {
            var names = new List<SExpr?>();
            _m.ValueList(items[i], locals, names, allowNames: true);
            foreach (var n in names)
            {
                _locals.Define(n, _cx);
            }
            i++;
        }
        var runs = new List<(uint Count, ValType Type)>();
        foreach (var t in locals)
        {
            if (runs.Count > 0 && runs[^1].Type == t)
            {
                runs[^1] = (runs[^1].Count + 1, t);
            }
            else
            {
                runs.Add((1, t));
            }
        }
        _o.U32((uint)runs.Count);
        foreach (var (count, type) in runs)
        {
            _o.U32(count);
            _o.Byte((byte)type);
        }
        Sequence(items, i);
        _o.Byte(0x0B);
        return _o;
    }

    /// <summary>A constant expression (or any instruction sequence without locals), with its final <c>end</c>.</summary>
    public ByteBuffer Expression(List<SExpr> items, int i)
    {
        Sequence(items, i);
        _o.Byte(0x0B);
        return _o;
    }

    /// <summary>Instructions from <paramref name="i"/> to the end of <paramref name="items"/>; flat blocks must close in it.</summary>
    private void Sequence(List<SExpr> items, int i)
    {
        int depth = _frames.Count;
        while (i < items.Count)
        {
            var n = items[i];
            if (n.IsList)
            {
                Folded(n);
                i++;
            }
            else
            {
                i = Flat(items, i, depth);
            }
        }
        if (_frames.Count != depth)
        {
            throw _cx.Error(items.Count > 0 ? items[^1] : SExpr.Atom(0, ""), "unclosed block: `end` expected");
        }
    }

    private int Flat(List<SExpr> items, int i, int floor)
    {
        var n = items[i];
        if (!n.IsAtom)
        {
            throw _cx.Error(n, "unexpected token");
        }
        switch (n.Text)
        {
            case "block":
            case "loop":
            case "if":
                {
                    byte op = n.Text == "block" ? (byte)0x02 : n.Text == "loop" ? (byte)0x03 : (byte)0x04;
                    i++;
                    var label = WatModuleBuilder.OptionalId(items, ref i);
                    var blockType = BlockType(items, ref i);
                    _o.Byte(op);
                    _o.Bytes(blockType);
                    _frames.Add((label, op, false));
                    return i;
                }
            case "else":
                {
                    if (_frames.Count <= floor || _frames[^1].Op != 0x04 || _frames[^1].SeenElse)
                    {
                        throw _cx.Error(n, "unexpected token");
                    }
                    i++;
                    CheckEndLabel(items, ref i, _frames[^1].Label);
                    _frames[^1] = (_frames[^1].Label, 0x04, true);
                    _o.Byte(0x05);
                    return i;
                }
            case "end":
                {
                    if (_frames.Count <= floor)
                    {
                        throw _cx.Error(n, "unexpected token");
                    }
                    i++;
                    CheckEndLabel(items, ref i, _frames[^1].Label);
                    _frames.RemoveAt(_frames.Count - 1);
                    _o.Byte(0x0B);
                    return i;
                }
        }
        if (!WatInstructions.ByName.TryGetValue(n.Text, out var op2))
        {
            throw _cx.Error(n, "unknown operator");
        }
        return Plain(op2, items, i + 1);
    }

    private void CheckEndLabel(List<SExpr> items, ref int i, SExpr? label)
    {
        if (i < items.Count && items[i].IsId)
        {
            if (label == null || label.Text != items[i].Text)
            {
                throw _cx.Error(items[i], "mismatching label");
            }
            i++;
        }
    }

    private void Folded(SExpr list)
    {
        var items = list.Items;
        if (items.Count == 0 || !items[0].IsAtom)
        {
            throw _cx.Error(list, "unexpected token");
        }
        string head = items[0].Text;
        if (head is "block" or "loop")
        {
            int i = 1;
            var label = WatModuleBuilder.OptionalId(items, ref i);
            var blockType = BlockType(items, ref i);
            byte op = head == "block" ? (byte)0x02 : (byte)0x03;
            _o.Byte(op);
            _o.Bytes(blockType);
            _frames.Add((label, op, false));
            Sequence(items, i);
            _frames.RemoveAt(_frames.Count - 1);
            _o.Byte(0x0B);
            return;
        }
        if (head == "if")
        {
            int i = 1;
            var label = WatModuleBuilder.OptionalId(items, ref i);
            var blockType = BlockType(items, ref i);
            while (i < items.Count && items[i].IsList && items[i].Head != "then")
            {
                Folded(items[i++]);
            }
            if (i >= items.Count || items[i].Head != "then")
            {
                throw _cx.Error(i < items.Count ? items[i] : list, "unexpected token: (then ...) expected");
            }
            _o.Byte(0x04);
            _o.Bytes(blockType);
            _frames.Add((label, 0x04, false));
            Sequence(items[i].Items, 1);
            i++;
            if (i < items.Count && items[i].Head == "else")
            {
                // An empty (else) is left out, as wabt does: the same instruction either way.
                if (items[i].Items.Count > 1)
                {
                    _o.Byte(0x05);
                    Sequence(items[i].Items, 1);
                }
                i++;
            }
            _m.End(list, i);
            _frames.RemoveAt(_frames.Count - 1);
            _o.Byte(0x0B);
            return;
        }
        if (!WatInstructions.ByName.TryGetValue(head, out var op2))
        {
            throw _cx.Error(items[0], "unknown operator");
        }
        int mark = _o.Count;
        int next = Plain(op2, items, 1);
        byte[] instruction = _o.Cut(mark);
        for (; next < items.Count; next++)
        {
            if (!items[next].IsList)
            {
                throw _cx.Error(items[next], "unexpected token");
            }
            Folded(items[next]);
        }
        _o.Bytes(instruction);
    }

    /// <summary>A block type: <c>(type x)?</c> <c>(param ..)*</c> <c>(result ..)*</c>, as 0x40, a value type or an index.</summary>
    private byte[] BlockType(List<SExpr> items, ref int i)
    {
        var b = new ByteBuffer();
        if (i < items.Count && items[i].Head == "type")
        {
            // Like wabt, a named type without parameters and with at most one result takes the short encoding.
            uint index = _m.TypeUse(items, ref i, out _, allowNames: false);
            var named = _m.TypeAt(index);
            if (named is { Params.Length: 0, Results.Length: <= 1 })
            {
                b.Byte(named.Results.Length == 0 ? (byte)0x40 : (byte)named.Results[0]);
            }
            else
            {
                b.S64(index);
            }
            return b.ToArray();
        }
        var type = _m.Signature(items, ref i, null, allowNames: false);
        if (type.Params.Length == 0 && type.Results.Length == 0)
        {
            b.Byte(0x40);
        }
        else if (type.Params.Length == 0 && type.Results.Length == 1)
        {
            b.Byte((byte)type.Results[0]);
        }
        else
        {
            b.S64(_m.FindOrAddType(type));
        }
        return b.ToArray();
    }

    /// <summary>One plain instruction's opcode and immediates, read from <paramref name="i"/>; returns the next index.</summary>
    private int Plain(WatOp op, List<SExpr> items, int i)
    {
        var at = items[i - 1];
        if (op.Imm == Imm.Block)
        {
            throw _cx.Error(at, "unexpected token");
        }
        int mark = _o.Count;
        if (op.Prefix != 0)
        {
            _o.Byte(op.Prefix);
            _o.U32(op.Code);
        }
        else
        {
            _o.Byte((byte)op.Code);
        }
        switch (op.Imm)
        {
            case Imm.None:
                break;
            case Imm.Label:
                _o.U32(Label(Next(items, ref i, at)));
                break;
            case Imm.BrTable:
                {
                    var labels = new List<uint>();
                    while (i < items.Count && WatContext.IsIndex(items[i]))
                    {
                        labels.Add(Label(items[i++]));
                    }
                    if (labels.Count == 0)
                    {
                        throw _cx.Error(at, "unexpected token: a label expected");
                    }
                    _o.U32((uint)labels.Count - 1);
                    labels.ForEach(_o.U32);
                    break;
                }
            case Imm.Func:
                _o.U32(_m.Funcs.Resolve(Next(items, ref i, at), _cx));
                break;
            case Imm.CallIndirect:
                {
                    uint table = 0;
                    if (i < items.Count && WatContext.IsIndex(items[i]))
                    {
                        table = _m.Tables.Resolve(items[i++], _cx);
                    }
                    _o.U32(_m.TypeUse(items, ref i, out _, allowNames: false));
                    _o.U32(table);
                    break;
                }
            case Imm.Local:
                _o.U32(_locals.Resolve(Next(items, ref i, at), _cx));
                break;
            case Imm.Global:
                _o.U32(_m.Globals.Resolve(Next(items, ref i, at), _cx));
                break;
            case Imm.Table:
                _o.U32(OptionalIndex(items, ref i, _m.Tables));
                break;
            case Imm.Memarg:
                Memarg(op, items, ref i);
                break;
            case Imm.Memory:
                _o.U32(OptionalIndex(items, ref i, _m.Memories));
                break;
            case Imm.MemoryInit:
                SegmentUse(items, ref i, at, _m.Memories, _m.DataSegments);
                _m.UsesDataCount = true;
                break;
            case Imm.MemoryCopy:
            case Imm.TableCopy:
                {
                    var space = op.Imm == Imm.MemoryCopy ? _m.Memories : _m.Tables;
                    _o.U32(OptionalIndex(items, ref i, space));
                    _o.U32(OptionalIndex(items, ref i, space));
                    break;
                }
            case Imm.Data:
                _o.U32(_m.DataSegments.Resolve(Next(items, ref i, at), _cx));
                _m.UsesDataCount = true;
                break;
            case Imm.Elem:
                _o.U32(_m.ElemSegments.Resolve(Next(items, ref i, at), _cx));
                break;
            case Imm.TableInit:
                SegmentUse(items, ref i, at, _m.Tables, _m.ElemSegments);
                break;
            case Imm.I32:
            case Imm.I64:
                {
                    var n = Next(items, ref i, at);
                    ulong v = 0;
                    var status = n.IsAtom ? WatNumbers.ParseInt(n.Text, op.Imm == Imm.I32 ? 32 : 64, out v) : NumberStatus.NotANumber;
                    Check(status, n);
                    _o.S64(op.Imm == Imm.I32 ? (int)(uint)v : (long)v);
                    break;
                }
            case Imm.F32:
            case Imm.F64:
                {
                    var n = Next(items, ref i, at);
                    ulong v = 0;
                    var status = n.IsAtom ? WatNumbers.ParseFloat(n.Text, op.Imm == Imm.F32, out v) : NumberStatus.NotANumber;
                    Check(status, n);
                    _o.FixedLE(v, op.Imm == Imm.F32 ? 4 : 8);
                    break;
                }
            case Imm.RefNull:
                {
                    var n = Next(items, ref i, at);
                    _o.Byte(n.IsAtom && n.Text == "func" ? (byte)ValType.FuncRef
                        : n.IsAtom && n.Text == "extern" ? (byte)ValType.ExternRef
                        : throw _cx.Error(n, "unexpected token"));
                    break;
                }
            case Imm.Select:
                {
                    var types = new List<ValType>();
                    bool typed = false;
                    while (i < items.Count && items[i].Head == "result")
                    {
                        _m.ValueList(items[i++], types, null, allowNames: false);
                        typed = true;
                    }
                    if (typed)
                    {
                        _o.Cut(mark);
                        _o.Byte(0x1C);
                        _o.U32((uint)types.Count);
                        types.ForEach(t => _o.Byte((byte)t));
                    }
                    break;
                }
        }
        return i;
    }

    private void Check(NumberStatus status, SExpr n)
    {
        if (status == NumberStatus.NotANumber)
        {
            throw _cx.Error(n, "unknown operator");
        }
        if (status == NumberStatus.OutOfRange)
        {
            throw _cx.Error(n, "constant out of range");
        }
    }

    /// <summary><c>memory.init</c> and <c>table.init</c>: <c>x? y</c> in the text, the segment then the target in binary.</summary>
    private void SegmentUse(List<SExpr> items, ref int i, SExpr at, IndexSpace targets, IndexSpace segments)
    {
        uint target = 0;
        if (i + 1 < items.Count && WatContext.IsIndex(items[i]) && WatContext.IsIndex(items[i + 1]))
        {
            target = targets.Resolve(items[i++], _cx);
        }
        _o.U32(segments.Resolve(Next(items, ref i, at), _cx));
        _o.U32(target);
    }

    private SExpr Next(List<SExpr> items, ref int i, SExpr at) =>
        i < items.Count ? items[i++] : throw _cx.Error(at, "unexpected end of instruction: an immediate expected");

    private uint OptionalIndex(List<SExpr> items, ref int i, IndexSpace space) =>
        i < items.Count && WatContext.IsIndex(items[i]) ? space.Resolve(items[i++], _cx) : 0;

    private uint Label(SExpr n)
    {
        if (n.IsId)
        {
            for (int k = _frames.Count - 1; k >= 0; k--)
            {
                if (_frames[k].Label?.Text == n.Text)
                {
                    return (uint)(_frames.Count - 1 - k);
                }
            }
            throw _cx.Error(n, "unknown label");
        }
        return _cx.U32(n);
    }

    private void Memarg(WatOp op, List<SExpr> items, ref int i)
    {
        uint memory = OptionalIndex(items, ref i, _m.Memories);
        ulong offset = 0;
        uint alignLog2 = (uint)op.NaturalAlignLog2;
        if (i < items.Count && items[i].IsAtom && items[i].Text.StartsWith("offset=", System.StringComparison.Ordinal))
        {
            offset = Immediate(items[i++], "offset=".Length);
        }
        if (i < items.Count && items[i].IsAtom && items[i].Text.StartsWith("align=", System.StringComparison.Ordinal))
        {
            var n = items[i++];
            ulong align = Immediate(n, "align=".Length);
            if (align == 0 || (align & (align - 1)) != 0)
            {
                throw _cx.Error(n, "alignment");
            }
            alignLog2 = (uint)System.Numerics.BitOperations.Log2(align);
        }
        if (offset > uint.MaxValue)
        {
            throw _cx.Error(items[i - 1], "constant out of range");
        }
        if (memory != 0)
        {
            _o.U32(alignLog2 | 0x40);
            _o.U32(memory);
        }
        else
        {
            _o.U32(alignLog2);
        }
        _o.U32((uint)offset);
    }

    private ulong Immediate(SExpr n, int skip)
    {
        var status = WatNumbers.ParseUnsigned(n.Text.AsSpan(skip), out ulong v);
        if (status == NumberStatus.NotANumber)
        {
            throw _cx.Error(n, "unknown operator");
        }
        return status == NumberStatus.OutOfRange ? ulong.MaxValue : v;
    }
}
