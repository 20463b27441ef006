using System.Collections.Generic;
using Wit.Runtime.Binary;

namespace Wit.Runtime.Text;

/// <summary>
/// Element and data segments, in every text form (active with <c>(table x)</c>/<c>(memory x)</c> or not, with
/// <c>(offset ..)</c> or one folded instruction, passive, declared, function lists and expression lists), encoded with
/// the most compact of the binary format's segment flags, as wabt chooses them.
/// </summary>
internal sealed class WatSegments
{
    private readonly WatModuleBuilder _m;
    private readonly WatContext _cx;

    public WatSegments(WatModuleBuilder module)
    {
        _m = module;
        _cx = module.Context;
    }

    public void Elem(SExpr field, int i, ByteBuffer o)
    {
        var items = field.Items;
        bool declared = false;
        uint table = 0;
        byte[]? offset = null;
        if (i < items.Count && items[i].IsAtom && items[i].Text == "declare")
        {
            declared = true;
            i++;
        }
        else
        {
            table = ActiveTarget(field, ref i, "table", _m.Tables, out offset);
        }
        var type = ValType.FuncRef;
        var elements = new List<byte[]>();
        if (i < items.Count && items[i].IsAtom && items[i].Text == "func")
        {
            i++;
            FuncIndices(items, i, elements);
        }
        else if (i < items.Count && items[i].IsAtom && items[i].Text is "funcref" or "externref")
        {
            type = _cx.RefType(items[i++]);
            for (; i < items.Count; i++)
            {
                elements.Add(Item(items[i]));
            }
        }
        else if (offset != null)
        {
            FuncIndices(items, i, elements);
        }
        else
        {
            _m.End(field, i);
        }
        Encode(o, declared ? 3 : offset == null ? 1 : 0, table, offset, type, elements);
    }

    /// <summary>The segment of <c>(table reftype (elem ...))</c>: active at offset 0 of <paramref name="table"/>.</summary>
    public void InlineElem(SExpr elem, ValType type, uint table, ByteBuffer o)
    {
        var items = elem.Items;
        var elements = new List<byte[]>();
        if (items.Count > 1 && items[1].IsList)
        {
            for (int i = 1; i < items.Count; i++)
            {
                elements.Add(Item(items[i]));
            }
        }
        else
        {
            FuncIndices(items, 1, elements);
        }
        Encode(o, 0, table, new byte[] { 0x41, 0x00, 0x0B }, type, elements);
    }

    public void Data(SExpr field, int i, ByteBuffer o)
    {
        var items = field.Items;
        uint memory = ActiveTarget(field, ref i, "memory", _m.Memories, out byte[]? offset);
        var bytes = new List<byte>();
        for (; i < items.Count; i++)
        {
            bytes.AddRange(_cx.String(items[i]));
        }
        if (offset == null)
        {
            o.U32(1);
            o.Vec(bytes.ToArray());
            return;
        }
        ActiveData(o, memory, bytes.ToArray(), offset);
    }

    /// <summary>
    /// An active segment's target and offset: <c>(table x)</c>/<c>(memory x)</c> (or a bare index, as older texts
    /// write it), then <c>(offset ..)</c> or one folded instruction. No offset: a passive (or declared) segment.
    /// </summary>
    private uint ActiveTarget(SExpr field, ref int i, string use, IndexSpace space, out byte[]? offset)
    {
        var items = field.Items;
        uint target = 0;
        offset = null;
        if (i < items.Count && items[i].Head == use)
        {
            if (items[i].Items.Count != 2)
            {
                throw _cx.Error(items[i], "unexpected token");
            }
            target = space.Resolve(items[i].Items[1], _cx);
            i++;
            if (i >= items.Count || !items[i].IsList)
            {
                throw _cx.Error(i < items.Count ? items[i] : field, "unexpected token");
            }
        }
        else if (i + 1 < items.Count && WatContext.IsIndex(items[i]) && items[i + 1].IsList)
        {
            target = space.Resolve(items[i], _cx);
            i++;
        }
        if (i < items.Count && items[i].IsList)
        {
            offset = Offset(items[i]);
            i++;
        }
        return target;
    }

    public static void ActiveData(ByteBuffer o, uint memory, byte[] bytes, byte[]? offset = null)
    {
        if (memory == 0)
        {
            o.U32(0);
        }
        else
        {
            o.U32(2);
            o.U32(memory);
        }
        o.Bytes(offset ?? new byte[] { 0x41, 0x00, 0x0B });
        o.Vec(bytes);
    }

    private byte[] Offset(SExpr node) => node.Head == "offset"
        ? new WatBodyWriter(_m).Expression(node.Items, 1).ToArray()
        : new WatBodyWriter(_m).Expression(new List<SExpr> { node }, 0).ToArray();

    /// <summary>An element expression: <c>(item instr*)</c> or one folded instruction.</summary>
    private byte[] Item(SExpr node)
    {
        if (!node.IsList)
        {
            throw _cx.Error(node, "unexpected token");
        }
        return node.Head == "item"
            ? new WatBodyWriter(_m).Expression(node.Items, 1).ToArray()
            : new WatBodyWriter(_m).Expression(new List<SExpr> { node }, 0).ToArray();
    }

    private void FuncIndices(List<SExpr> items, int i, List<byte[]> elements)
    {
        for (; i < items.Count; i++)
        {
            var e = new ByteBuffer();
            e.Byte(0xD2);
            e.U32(_m.Funcs.Resolve(items[i], _cx));
            e.Byte(0x0B);
            elements.Add(e.ToArray());
        }
    }

    /// <summary>A <c>ref.func x</c> expression's function index, or null for any other expression.</summary>
    private static uint? RefFuncIndex(byte[] expr)
    {
        if (expr.Length < 3 || expr[0] != 0xD2 || expr[^1] != 0x0B)
        {
            return null;
        }
        uint value = 0;
        int shift = 0, k = 1;
        while (k < expr.Length - 1)
        {
            byte b = expr[k++];
            value |= (uint)(b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0)
            {
                return k == expr.Length - 1 ? value : null;
            }
        }
        return null;
    }

    /// <param name="mode">0 active, 1 passive, 3 declared (the low bits of the segment flags).</param>
    private static void Encode(ByteBuffer o, int mode, uint table, byte[]? offset, ValType type, List<byte[]> elements)
    {
        var indices = new List<uint>();
        bool allFuncs = type == ValType.FuncRef;
        foreach (var e in elements)
        {
            uint? index = allFuncs ? RefFuncIndex(e) : null;
            if (index == null)
            {
                allFuncs = false;
                break;
            }
            indices.Add(index.Value);
        }
        int flags = mode;
        if (mode == 0 && (table != 0 || type != ValType.FuncRef))
        {
            flags = 2;
        }
        if (!allFuncs)
        {
            flags |= 4;
        }
        o.U32((uint)flags);
        if ((flags & 2) != 0 && (flags & 1) == 0)
        {
            o.U32(table);
        }
        if ((flags & 1) == 0)
        {
            o.Bytes(offset!);
        }
        if ((flags & 3) != 0)
        {
            o.Byte(allFuncs ? (byte)0x00 : (byte)type);
        }
        o.U32((uint)elements.Count);
        if (allFuncs)
        {
            indices.ForEach(o.U32);
        }
        else
        {
            elements.ForEach(o.Bytes);
        }
    }
}
