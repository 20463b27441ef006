using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Runtime.Binary;

namespace Wit.Runtime.Text;

/// <summary>
/// Turns a text-format module's fields into the binary format. The first pass numbers every index space in textual
/// order (so names can be used before their definition) and reads the explicit types; the second pass reads
/// signatures, bodies and segments in field order, appending implicit types from inline type uses as it meets them.
/// </summary>
internal sealed class WatModuleBuilder
{
    private readonly WatContext _cx;
    private readonly List<FuncType> _types = new();
    private readonly List<(byte[] Module, byte[] Name, ExternKind Kind, SExpr Field, int DescStart)> _imports = new();
    private readonly List<(SExpr Field, int Start)> _funcs = new(), _globals = new();
    private readonly List<(SExpr Field, int Start, ByteBuffer? Inline)> _tables = new(), _memories = new();
    private readonly List<(byte[] Name, ExternKind Kind, SExpr Ref, uint Index)> _exports = new();
    private readonly List<Action> _segments = new();
    private readonly List<ByteBuffer> _elems = new(), _datas = new();
    private SExpr? _start;
    private string? _definedKind;

    public WatModuleBuilder(WatContext cx) => _cx = cx;

    public IndexSpace Types { get; } = new("type");
    public IndexSpace Funcs { get; } = new("func");
    public IndexSpace Tables { get; } = new("table");
    public IndexSpace Memories { get; } = new("memory");
    public IndexSpace Globals { get; } = new("global");
    public IndexSpace ElemSegments { get; } = new("elem segment");
    public IndexSpace DataSegments { get; } = new("data segment");

    /// <summary>Set when a body uses <c>memory.init</c> or <c>data.drop</c>, which need the data count section.</summary>
    public bool UsesDataCount { get; set; }

    public WatContext Context => _cx;

    public byte[] Build(IReadOnlyList<SExpr> fields)
    {
        foreach (var f in fields)
        {
            Declare(f);
        }
        var funcTypes = new List<uint>();
        var code = new ByteBuffer();
        var importSection = new ByteBuffer();
        foreach (var (module, name, kind, field, start) in _imports)
        {
            importSection.Vec(module);
            importSection.Vec(name);
            importSection.Byte((byte)kind);
            ImportDesc(kind, field, start, importSection);
        }
        var funcSection = new ByteBuffer();
        foreach (var (field, start) in _funcs)
        {
            var body = new WatBodyWriter(this);
            int i = start;
            uint type = TypeUse(field.Items, ref i, out var paramNames);
            funcSection.U32(type);
            var parameters = TypeAt(type)?.Params ?? Array.Empty<ValType>();
            var fn = body.Function(field.Items, i, parameters, paramNames);
            code.U32((uint)fn.Count);
            code.Append(fn);
        }
        var tableSection = Definitions(_tables, TableType);
        var memorySection = Definitions(_memories, Limits);
        var globalSection = new ByteBuffer();
        foreach (var (field, start) in _globals)
        {
            int i = start;
            GlobalType(field.Items, ref i, globalSection);
            globalSection.Append(new WatBodyWriter(this).Expression(field.Items, i));
        }
        foreach (var segment in _segments)
        {
            segment();
        }
        var exportSection = new ByteBuffer();
        foreach (var (name, kind, reference, index) in _exports)
        {
            exportSection.Vec(name);
            exportSection.Byte((byte)kind);
            exportSection.U32(reference == null ? index : SpaceOf(kind).Resolve(reference, _cx));
        }
        var typeSection = new ByteBuffer();
        foreach (var t in _types)
        {
            typeSection.Byte(0x60);
            typeSection.U32((uint)t.Params.Length);
            typeSection.Bytes(t.Params.Select(p => (byte)p));
            typeSection.U32((uint)t.Results.Length);
            typeSection.Bytes(t.Results.Select(p => (byte)p));
        }

        var output = new ByteBuffer();
        output.Bytes(new byte[] { 0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00 });
        output.Section(1, Vector(_types.Count, typeSection));
        output.Section(2, Vector(_imports.Count, importSection));
        output.Section(3, Vector(_funcs.Count, funcSection));
        output.Section(4, Vector(_tables.Count, tableSection));
        output.Section(5, Vector(_memories.Count, memorySection));
        output.Section(6, Vector(_globals.Count, globalSection));
        output.Section(7, Vector(_exports.Count, exportSection));
        if (_start != null)
        {
            var s = new ByteBuffer();
            s.U32(Funcs.Resolve(_start, _cx));
            output.Section(8, s);
        }
        output.Section(9, Vector(_elems.Count, Concat(_elems)));
        if (UsesDataCount && _datas.Count > 0)
        {
            var s = new ByteBuffer();
            s.U32((uint)_datas.Count);
            output.Section(12, s);
        }
        output.Section(10, Vector(_funcs.Count, code));
        output.Section(11, Vector(_datas.Count, Concat(_datas)));
        return output.ToArray();
    }

    private delegate void TypeReader(List<SExpr> items, ref int i, ByteBuffer o);

    /// <summary>The defined tables or memories: each one's type, read from its field or made from its inline contents.</summary>
    private ByteBuffer Definitions(List<(SExpr Field, int Start, ByteBuffer? Inline)> definitions, TypeReader read)
    {
        var section = new ByteBuffer();
        foreach (var (field, start, inline) in definitions)
        {
            if (inline != null)
            {
                section.Append(inline);
                continue;
            }
            int i = start;
            read(field.Items, ref i, section);
            End(field, i);
        }
        return section;
    }

    private static ByteBuffer Concat(List<ByteBuffer> parts)
    {
        var b = new ByteBuffer();
        parts.ForEach(b.Append);
        return b;
    }

    private static ByteBuffer? Vector(int count, ByteBuffer content)
    {
        if (count == 0)
        {
            return null;
        }
        var b = new ByteBuffer();
        b.U32((uint)count);
        b.Append(content);
        return b;
    }

    private IndexSpace SpaceOf(ExternKind kind) => kind switch
    {
        ExternKind.Func => Funcs,
        ExternKind.Table => Tables,
        ExternKind.Memory => Memories,
        _ => Globals,
    };

    // ---- pass 1 ----

    private void Declare(SExpr field)
    {
        if (!field.IsList)
        {
            throw _cx.Error(field, "unexpected token");
        }
        var items = field.Items;
        switch (field.Head)
        {
            case "type":
                {
                    int i = 1;
                    var id = OptionalId(items, ref i);
                    if (i >= items.Count || items[i].Head != "func")
                    {
                        throw _cx.Error(i < items.Count ? items[i] : field, "unexpected token");
                    }
                    var func = items[i];
                    int j = 1;
                    var type = Signature(func.Items, ref j, null, allowNames: true);
                    End(func, j);
                    End(field, i + 1);
                    Types.Define(id, _cx);
                    _types.Add(type);
                    return;
                }
            case "import":
                {
                    if (items.Count < 4 || !items[3].IsList)
                    {
                        throw _cx.Error(field, "unexpected token");
                    }
                    var desc = items[3];
                    var kind = KindOf(desc);
                    int i = 1;
                    var id = OptionalId(desc.Items, ref i);
                    AddImport(field, _cx.Name(items[1]), _cx.Name(items[2]), kind, desc, i);
                    SpaceOf(kind).Define(id, _cx);
                    End(field, 4);
                    return;
                }
            case "func":
            case "table":
            case "memory":
            case "global":
                DeclareEntity(field, KindOf(field));
                return;
            case "export":
                {
                    if (items.Count != 3 || !items[2].IsList || items[2].Items.Count != 2)
                    {
                        throw _cx.Error(field, "unexpected token");
                    }
                    _exports.Add((_cx.Name(items[1]), KindOf(items[2]), items[2].Items[1], 0));
                    return;
                }
            case "start":
                if (_start != null)
                {
                    throw _cx.Error(field, "multiple start sections");
                }
                if (items.Count != 2)
                {
                    throw _cx.Error(field, "unexpected token");
                }
                _start = items[1];
                return;
            case "elem":
                DeclareSegment(field, ElemSegments, _elems, static (w, f, i, o) => w.Elem(f, i, o));
                return;
            case "data":
                DeclareSegment(field, DataSegments, _datas, static (w, f, i, o) => w.Data(f, i, o));
                return;
            default:
                throw _cx.Error(field, "unexpected token");
        }
    }

    /// <summary>Numbers a segment now; encodes it in pass 2, in its place among the segments of its kind.</summary>
    private void DeclareSegment(SExpr field, IndexSpace space, List<ByteBuffer> encoded, Action<WatSegments, SExpr, int, ByteBuffer> encode)
    {
        int i = 1;
        space.Define(OptionalId(field.Items, ref i), _cx);
        var buffer = new ByteBuffer();
        encoded.Add(buffer);
        _segments.Add(() => encode(new WatSegments(this), field, i, buffer));
    }

    private ExternKind KindOf(SExpr desc) => desc.Head switch
    {
        "func" => ExternKind.Func,
        "table" => ExternKind.Table,
        "memory" => ExternKind.Memory,
        "global" => ExternKind.Global,
        _ => throw _cx.Error(desc, "unexpected token"),
    };

    private static string KindWord(ExternKind kind) => kind switch
    {
        ExternKind.Func => "function",
        ExternKind.Table => "table",
        ExternKind.Memory => "memory",
        _ => "global",
    };

    private void AddImport(SExpr at, byte[] module, byte[] name, ExternKind kind, SExpr desc, int descStart)
    {
        if (_definedKind != null)
        {
            throw _cx.Error(at, "import after " + _definedKind);
        }
        _imports.Add((module, name, kind, desc, descStart));
    }

    /// <summary>A func, table, memory or global field, with its inline exports and import, or inline data/elements.</summary>
    private void DeclareEntity(SExpr field, ExternKind kind)
    {
        var items = field.Items;
        int i = 1;
        var id = OptionalId(items, ref i);
        var space = SpaceOf(kind);
        uint index = space.Count;
        while (i < items.Count && items[i].Head == "export")
        {
            var export = items[i];
            if (export.Items.Count != 2)
            {
                throw _cx.Error(export, "unexpected token");
            }
            _exports.Add((_cx.Name(export.Items[1]), kind, null!, index));
            i++;
        }
        if (i < items.Count && items[i].Head == "import")
        {
            var import = items[i];
            if (import.Items.Count != 3)
            {
                throw _cx.Error(import, "unexpected token");
            }
            AddImport(import, _cx.Name(import.Items[1]), _cx.Name(import.Items[2]), kind, field, i + 1);
            space.Define(id, _cx);
            return;
        }
        space.Define(id, _cx);
        _definedKind ??= KindWord(kind);
        switch (kind)
        {
            case ExternKind.Func:
                _funcs.Add((field, i));
                break;
            case ExternKind.Global:
                _globals.Add((field, i));
                break;
            case ExternKind.Table:
                if (i + 1 < items.Count && items[i].IsAtom && !IsLimitsStart(items[i]) && items[i + 1].Head == "elem")
                {
                    InlineElem(field, i, index);
                }
                else
                {
                    _tables.Add((field, i, null));
                }
                break;
            default:
                if (i < items.Count && items[i].Head == "data")
                {
                    InlineData(field, items[i], index);
                    End(field, i + 1);
                }
                else
                {
                    _memories.Add((field, i, null));
                }
                break;
        }
    }

    private static bool IsLimitsStart(SExpr n) => n.IsAtom && n.Text[0] is >= '0' and <= '9';

    private void InlineElem(SExpr field, int i, uint table)
    {
        var items = field.Items;
        var type = _cx.RefType(items[i]);
        var elem = items[i + 1];
        End(field, i + 2);
        int count = elem.Items.Count - 1;
        var tableType = new ByteBuffer();
        tableType.Byte((byte)type);
        tableType.Byte(0x01);
        tableType.U32((uint)count);
        tableType.U32((uint)count);
        _tables.Add((field, -1, tableType));
        ElemSegments.Define(null, _cx);
        var buffer = new ByteBuffer();
        _elems.Add(buffer);
        _segments.Add(() => new WatSegments(this).InlineElem(elem, type, table, buffer));
    }

    private void InlineData(SExpr field, SExpr data, uint memory)
    {
        var bytes = new List<byte>();
        foreach (var s in data.Items.Skip(1))
        {
            bytes.AddRange(_cx.String(s));
        }
        uint pages = (uint)((bytes.Count + 65535L) / 65536);
        var limits = new ByteBuffer();
        limits.Byte(0x01);
        limits.U32(pages);
        limits.U32(pages);
        _memories.Add((field, -1, limits));
        DataSegments.Define(null, _cx);
        var buffer = new ByteBuffer();
        _datas.Add(buffer);
        WatSegments.ActiveData(buffer, memory, bytes.ToArray());
    }

    // ---- pass 2 ----

    private void ImportDesc(ExternKind kind, SExpr desc, int i, ByteBuffer o)
    {
        var items = desc.Items;
        switch (kind)
        {
            case ExternKind.Func:
                o.U32(TypeUse(items, ref i, out _));
                break;
            case ExternKind.Table:
                TableType(items, ref i, o);
                break;
            case ExternKind.Memory:
                Limits(items, ref i, o);
                break;
            default:
                GlobalType(items, ref i, o);
                break;
        }
        End(desc, i);
    }

    private void TableType(List<SExpr> items, ref int i, ByteBuffer o)
    {
        var limits = new ByteBuffer();
        Limits(items, ref i, limits);
        if (i >= items.Count)
        {
            throw _cx.Error(items[^1], "unexpected end of table type");
        }
        o.Byte((byte)_cx.RefType(items[i++]));
        o.Append(limits);
    }

    private void Limits(List<SExpr> items, ref int i, ByteBuffer o)
    {
        if (i >= items.Count || !IsLimitsStart(items[i]))
        {
            throw _cx.Error(i < items.Count ? items[i] : items[^1], "unexpected token");
        }
        uint min = _cx.U32(items[i++]);
        if (i < items.Count && IsLimitsStart(items[i]))
        {
            uint max = _cx.U32(items[i++]);
            o.Byte(0x01);
            o.U32(min);
            o.U32(max);
        }
        else
        {
            o.Byte(0x00);
            o.U32(min);
        }
    }

    private void GlobalType(List<SExpr> items, ref int i, ByteBuffer o)
    {
        if (i >= items.Count)
        {
            throw _cx.Error(items[^1], "unexpected end of global type");
        }
        var t = items[i++];
        if (t.Head == "mut")
        {
            if (t.Items.Count != 2)
            {
                throw _cx.Error(t, "unexpected token");
            }
            o.Byte((byte)_cx.ValType(t.Items[1]));
            o.Byte(1);
        }
        else
        {
            o.Byte((byte)_cx.ValType(t));
            o.Byte(0);
        }
    }

    /// <summary>
    /// A type use: <c>(type x)?</c> then <c>(param ..)* (result ..)*</c>. With both, they must agree ("inline function
    /// type"); with neither, the type <c>[] -> []</c>. Returns the type index, adding an implicit type when needed.
    /// </summary>
    public uint TypeUse(List<SExpr> items, ref int i, out List<SExpr?>? paramNames, bool allowNames = true)
    {
        SExpr? typeRef = null;
        if (i < items.Count && items[i].Head == "type")
        {
            if (items[i].Items.Count != 2)
            {
                throw _cx.Error(items[i], "unexpected token");
            }
            typeRef = items[i].Items[1];
            i++;
        }
        int inlineStart = i;
        var names = new List<SExpr?>();
        var inline = Signature(items, ref i, names, allowNames);
        bool hasInline = i > inlineStart;
        if (typeRef != null)
        {
            // A numeric index past the types is the validator's "unknown type", unless an inline type must be compared
            // with it: then it must be one of the explicit type definitions (implicit ones come after them).
            uint index = Types.Resolve(typeRef, _cx);
            if (hasInline && index >= Types.Count)
            {
                throw _cx.Error(typeRef, "unknown type");
            }
            if (hasInline && !inline.Equals(_types[(int)index]))
            {
                throw _cx.Error(items[inlineStart], "inline function type");
            }
            paramNames = hasInline ? names : null;
            return index;
        }
        paramNames = names;
        return FindOrAddType(inline);
    }

    /// <summary>The index of an equal type, or of a new one appended at the end.</summary>
    public uint FindOrAddType(FuncType type)
    {
        int found = _types.IndexOf(type);
        if (found >= 0)
        {
            return (uint)found;
        }
        _types.Add(type);
        return (uint)(_types.Count - 1);
    }

    /// <summary>The type at <paramref name="index"/>, or null past the end (an invalid module).</summary>
    public FuncType? TypeAt(uint index) => index < _types.Count ? _types[(int)index] : null;

    /// <summary><c>(param ..)* (result ..)*</c>; <paramref name="names"/> gets each parameter's <c>$id</c> or null.</summary>
    public FuncType Signature(List<SExpr> items, ref int i, List<SExpr?>? names, bool allowNames)
    {
        var parameters = new List<ValType>();
        var results = new List<ValType>();
        while (i < items.Count && items[i].Head == "param")
        {
            ValueList(items[i], parameters, names, allowNames);
            i++;
        }
        while (i < items.Count && items[i].Head == "result")
        {
            ValueList(items[i], results, null, false);
            i++;
        }
        return new FuncType(parameters.ToArray(), results.ToArray());
    }

    /// <summary><c>(param $x t)</c> or <c>(param t*)</c> (and the same for result and local).</summary>
    public void ValueList(SExpr list, List<ValType> types, List<SExpr?>? names, bool allowNames)
    {
        var items = list.Items;
        if (items.Count >= 2 && items[1].IsId)
        {
            if (!allowNames || items.Count != 3)
            {
                throw _cx.Error(items[1], "unexpected token");
            }
            types.Add(_cx.ValType(items[2]));
            names?.Add(items[1]);
            return;
        }
        for (int k = 1; k < items.Count; k++)
        {
            types.Add(_cx.ValType(items[k]));
            names?.Add(null);
        }
    }

    public static SExpr? OptionalId(List<SExpr> items, ref int i)
    {
        if (i < items.Count && items[i].IsId)
        {
            return items[i++];
        }
        return null;
    }

    /// <summary>Fails when <paramref name="list"/> has items from <paramref name="i"/> on.</summary>
    public void End(SExpr list, int i)
    {
        if (i >= 0 && i < list.Items.Count)
        {
            throw _cx.Error(list.Items[i], "unexpected token");
        }
    }
}
