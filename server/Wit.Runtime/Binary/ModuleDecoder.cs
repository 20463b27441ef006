using System;
using System.Collections.Generic;

namespace Wit.Runtime.Binary;

/// <summary>
/// Decodes the binary format of a core module (WebAssembly 2.0, multi-memory and exception handling) into a <see cref="WasmModule"/>.
/// Instructions are not decoded here: the validator reads function bodies. Nothing here recurses, and every count is
/// checked against the bytes left before anything is allocated for it.
/// </summary>
public static class ModuleDecoder
{
    /// <summary>The most locals a function may declare (as Wasmtime and the web engines allow).</summary>
    public const int MaxLocals = 50_000;

    private static readonly byte[] Magic = { 0x00, 0x61, 0x73, 0x6D };

    public static WasmModule Decode(byte[] bytes, WasmFeatures? features = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var module = new WasmModule(bytes, features ?? WasmFeatures.Default);
        var r = new WasmReader(bytes, 0, bytes.Length);
        if (bytes.Length < 4 || !bytes.AsSpan(0, 4).SequenceEqual(Magic))
        {
            throw WasmReader.Malformed(0, "magic header not detected");
        }
        r.Position = 4;
        if (bytes.Length < 8)
        {
            throw WasmReader.Malformed(4, "unexpected end");
        }
        if (bytes[4] != 1 || bytes[5] != 0 || bytes[6] != 0 || bytes[7] != 0)
        {
            throw WasmReader.Malformed(4, "unknown binary version");
        }
        r.Position = 8;
        int lastRank = 0;
        int functionCount = -1;
        while (!r.AtEnd)
        {
            int sectionOffset = r.Position;
            int end = r.ReadSectionHeader(out byte id);
            var s = new WasmReader(bytes, r.Position, end);
            if (id != 0)
            {
                int rank = id == 13 && !module.Features.ExceptionHandling ? 0 : Rank(id);
                if (rank == 0)
                {
                    throw WasmReader.Malformed(sectionOffset, "malformed section id");
                }
                if (rank <= lastRank)
                {
                    throw WasmReader.Malformed(sectionOffset, "unexpected content after last section");
                }
                lastRank = rank;
            }
            switch (id)
            {
                case 0: ReadCustom(ref s, module, sectionOffset); break;
                case 1: ReadTypes(ref s, module); break;
                case 2: ReadImports(ref s, module); break;
                case 3: functionCount = ReadFunctions(ref s, module); break;
                case 4: ReadTables(ref s, module); break;
                case 5: ReadMemories(ref s, module); break;
                case 6: ReadGlobals(ref s, module); break;
                case 7: ReadExports(ref s, module); break;
                case 8: module.Start = (int)s.ReadU32(); break;
                case 9: ReadElements(ref s, module); break;
                case 10: ReadCode(ref s, module, functionCount); break;
                case 11: ReadData(ref s, module); break;
                case 12: module.DataCount = (int)s.ReadU32(); break;
                case 13: ReadTags(ref s, module); break;
            }
            if (s.Position != end)
            {
                throw WasmReader.Malformed(s.Position, "section size mismatch");
            }
            r.Position = end;
        }
        if (functionCount > 0 && module.Bodies.Count != functionCount)
        {
            throw WasmReader.Malformed(bytes.Length, "function and code section have inconsistent lengths");
        }
        if (module.DataCount is int dc && dc != module.Data.Count)
        {
            throw WasmReader.Malformed(bytes.Length, "data count and data section have inconsistent lengths");
        }
        return module;
    }

    // The order of the known sections: the tag section (13) sits between the memory (5) and global (6) sections, the
    // data count section (12) between the element (9) and code (10) sections.
    private static int Rank(byte id) => id switch
    {
        1 => 1, 2 => 2, 3 => 3, 4 => 4, 5 => 5, 13 => 6, 6 => 7, 7 => 8, 8 => 9, 9 => 10, 12 => 11, 10 => 12, 11 => 13,
        _ => 0,
    };

    /// <summary>A tag type: the attribute byte (0, exception) and the index of its function type.</summary>
    internal static int ReadTagType(ref WasmReader r)
    {
        int at = r.Position;
        if (r.ReadByte() != 0x00)
        {
            throw WasmReader.Malformed(at, "malformed tag attribute");
        }
        return (int)r.ReadU32();
    }

    private static void ReadTags(ref WasmReader r, WasmModule m)
    {
        int n = r.ReadCount(2);
        for (int i = 0; i < n; i++)
        {
            m.TagTypes.Add(ReadTagType(ref r));
        }
    }

    /// <summary>Reads a value type; <c>exnref</c> only when <paramref name="exnref"/> (exception handling enabled).</summary>
    internal static ValType ReadValType(ref WasmReader r, bool exnref = true)
    {
        int at = r.Position;
        byte b = r.ReadByte();
        switch (b)
        {
            case 0x7F: case 0x7E: case 0x7D: case 0x7C: case 0x70: case 0x6F:
                return (ValType)b;
            case 0x69 when exnref:
                return ValType.ExnRef;
            case 0x7B:
                throw new WasmException(WasmErrorKind.Unsupported, at, "unsupported value type v128 (SIMD is not implemented)");
            default:
                throw WasmReader.Malformed(at, "malformed value type");
        }
    }

    internal static ValType ReadRefType(ref WasmReader r, bool exnref = true)
    {
        int at = r.Position;
        byte b = r.ReadByte();
        if (b is 0x70 or 0x6F || (b == 0x69 && exnref))
        {
            return (ValType)b;
        }
        throw WasmReader.Malformed(at, "malformed reference type");
    }

    internal static Limits ReadLimits(ref WasmReader r)
    {
        int at = r.Position;
        byte flag = r.ReadByte();
        switch (flag)
        {
            case 0x00: return new Limits(r.ReadU32(), null);
            case 0x01:
                {
                    uint min = r.ReadU32();
                    return new Limits(min, r.ReadU32());
                }
            default:
                throw WasmReader.Malformed(at, "integer too large");
        }
    }

    internal static TableType ReadTableType(ref WasmReader r, bool exnref = true)
    {
        var element = ReadRefType(ref r, exnref);
        return new TableType(element, ReadLimits(ref r));
    }

    internal static GlobalType ReadGlobalType(ref WasmReader r, bool exnref = true)
    {
        var t = ReadValType(ref r, exnref);
        int at = r.Position;
        byte m = r.ReadByte();
        if (m > 1)
        {
            throw WasmReader.Malformed(at, "malformed mutability");
        }
        return new GlobalType(t, m == 1);
    }

    private static void ReadTypes(ref WasmReader r, WasmModule m)
    {
        int n = r.ReadCount(3);
        for (int i = 0; i < n; i++)
        {
            int at = r.Position;
            if (r.ReadByte() != 0x60)
            {
                throw WasmReader.Malformed(at, "malformed function type");
            }
            var ps = new ValType[r.ReadCount()];
            for (int j = 0; j < ps.Length; j++)
            {
                ps[j] = ReadValType(ref r, m.Features.ExceptionHandling);
            }
            var rs = new ValType[r.ReadCount()];
            for (int j = 0; j < rs.Length; j++)
            {
                rs[j] = ReadValType(ref r, m.Features.ExceptionHandling);
            }
            m.Types.Add(new FuncType(ps, rs));
        }
    }

    private static void ReadImports(ref WasmReader r, WasmModule m)
    {
        int n = r.ReadCount(4);
        for (int i = 0; i < n; i++)
        {
            string module = r.ReadName();
            string name = r.ReadName();
            int at = r.Position;
            byte kind = r.ReadByte();
            switch (kind)
            {
                case 0:
                    {
                        int type = (int)r.ReadU32();
                        m.Imports.Add(new Import { Module = module, Name = name, Kind = ExternKind.Func, TypeIndex = type });
                        m.FunctionTypes.Add(type);
                        m.ImportedFunctionCount++;
                        break;
                    }
                case 1:
                    {
                        var t = ReadTableType(ref r, m.Features.ExceptionHandling);
                        m.Imports.Add(new Import { Module = module, Name = name, Kind = ExternKind.Table, Table = t });
                        m.Tables.Add(t);
                        m.ImportedTableCount++;
                        break;
                    }
                case 2:
                    {
                        var t = new MemoryType(ReadLimits(ref r));
                        m.Imports.Add(new Import { Module = module, Name = name, Kind = ExternKind.Memory, Memory = t });
                        m.Memories.Add(t);
                        m.ImportedMemoryCount++;
                        break;
                    }
                case 3:
                    {
                        var t = ReadGlobalType(ref r, m.Features.ExceptionHandling);
                        m.Imports.Add(new Import { Module = module, Name = name, Kind = ExternKind.Global, Global = t });
                        m.GlobalTypes.Add(t);
                        m.ImportedGlobalCount++;
                        break;
                    }
                case 4 when m.Features.ExceptionHandling:
                    {
                        int type = ReadTagType(ref r);
                        m.Imports.Add(new Import { Module = module, Name = name, Kind = ExternKind.Tag, TypeIndex = type });
                        m.TagTypes.Add(type);
                        m.ImportedTagCount++;
                        break;
                    }
                default:
                    throw WasmReader.Malformed(at, "malformed import kind");
            }
        }
    }

    private static int ReadFunctions(ref WasmReader r, WasmModule m)
    {
        int n = r.ReadCount();
        for (int i = 0; i < n; i++)
        {
            m.FunctionTypes.Add((int)r.ReadU32());
        }
        return n;
    }

    private static void ReadTables(ref WasmReader r, WasmModule m)
    {
        int n = r.ReadCount(3);
        for (int i = 0; i < n; i++)
        {
            m.Tables.Add(ReadTableType(ref r, m.Features.ExceptionHandling));
        }
    }

    private static void ReadMemories(ref WasmReader r, WasmModule m)
    {
        int n = r.ReadCount(2);
        for (int i = 0; i < n; i++)
        {
            m.Memories.Add(new MemoryType(ReadLimits(ref r)));
        }
    }

    private static void ReadGlobals(ref WasmReader r, WasmModule m)
    {
        int n = r.ReadCount(3);
        for (int i = 0; i < n; i++)
        {
            var t = ReadGlobalType(ref r, m.Features.ExceptionHandling);
            m.GlobalTypes.Add(t);
            m.Globals.Add(new GlobalDefinition(t, ReadConstExpr(ref r, m)));
        }
    }

    private static void ReadExports(ref WasmReader r, WasmModule m)
    {
        int n = r.ReadCount(3);
        for (int i = 0; i < n; i++)
        {
            string name = r.ReadName();
            int at = r.Position;
            byte kind = r.ReadByte();
            if (kind > (m.Features.ExceptionHandling ? 4 : 3))
            {
                throw WasmReader.Malformed(at, "malformed export kind");
            }
            m.Exports.Add(new Export(name, (ExternKind)kind, (int)r.ReadU32()));
        }
    }

    private static void ReadElements(ref WasmReader r, WasmModule m)
    {
        int n = r.ReadCount(2);
        for (int i = 0; i < n; i++)
        {
            int at = r.Position;
            uint flags = r.ReadU32();
            if (flags > 7)
            {
                throw WasmReader.Malformed(at, "malformed elements segment kind");
            }
            var mode = (flags & 1) == 0 ? SegmentMode.Active : (flags & 2) == 0 ? SegmentMode.Passive : SegmentMode.Declarative;
            int table = 0;
            ConstExpr offset = default;
            if (mode == SegmentMode.Active)
            {
                if ((flags & 2) != 0)
                {
                    table = (int)r.ReadU32();
                }
                offset = ReadConstExpr(ref r, m);
            }
            bool expressions = (flags & 4) != 0;
            ValType type = ValType.FuncRef;
            if ((flags & 3) != 0)
            {
                if (expressions)
                {
                    type = ReadRefType(ref r, m.Features.ExceptionHandling);
                }
                else
                {
                    int kat = r.Position;
                    if (r.ReadByte() != 0x00)
                    {
                        throw WasmReader.Malformed(kat, "malformed element kind");
                    }
                }
            }
            if (expressions)
            {
                var items = new ConstExpr[r.ReadCount(2)];
                for (int j = 0; j < items.Length; j++)
                {
                    items[j] = ReadConstExpr(ref r, m);
                }
                m.Elements.Add(new ElementSegment { Mode = mode, Type = type, Table = table, Offset = offset, Expressions = items });
            }
            else
            {
                var items = new int[r.ReadCount()];
                for (int j = 0; j < items.Length; j++)
                {
                    items[j] = (int)r.ReadU32();
                }
                m.Elements.Add(new ElementSegment { Mode = mode, Type = type, Table = table, Offset = offset, FuncIndices = items });
            }
        }
    }

    private static void ReadCode(ref WasmReader r, WasmModule m, int functionCount)
    {
        int n = r.ReadCount(2);
        if (n != Math.Max(functionCount, 0))
        {
            throw WasmReader.Malformed(r.Position, "function and code section have inconsistent lengths");
        }
        for (int i = 0; i < n; i++)
        {
            int entry = r.Position;
            uint size = r.ReadU32();
            if (size > (uint)r.Remaining)
            {
                throw WasmReader.Malformed(entry, "length out of bounds");
            }
            int end = r.Position + (int)size;
            var b = new WasmReader(r.Bytes, r.Position, end);
            int groups = b.ReadCount(2);
            // All groups first: the sum is checked (against the spec's 2^32-1) before anything is allocated for it.
            var declared = new (uint Count, ValType Type)[groups];
            ulong total = 0;
            int firstGroup = b.Position;
            for (int g = 0; g < groups; g++)
            {
                int at = b.Position;
                uint count = b.ReadU32();
                total += count;
                if (total > uint.MaxValue)
                {
                    throw WasmReader.Malformed(at, "too many locals");
                }
                declared[g] = (count, ReadValType(ref b, m.Features.ExceptionHandling));
            }
            if (total > MaxLocals)
            {
                throw new WasmException(WasmErrorKind.Unsupported, firstGroup, $"too many locals (this engine allows {MaxLocals})");
            }
            var locals = new List<ValType>((int)total);
            foreach (var (count, t) in declared)
            {
                for (uint k = 0; k < count; k++)
                {
                    locals.Add(t);
                }
            }
            if (b.AtEnd)
            {
                throw WasmReader.Malformed(end, "unexpected end of section or function");
            }
            int index = m.ImportedFunctionCount + i;
            m.Bodies.Add(new FunctionBody
            {
                Index = index,
                TypeIndex = index < m.FunctionTypes.Count ? m.FunctionTypes[index] : -1,
                Locals = locals.ToArray(),
                EntryOffset = entry,
                CodeStart = b.Position,
                CodeEnd = end,
            });
            r.Position = end;
        }
    }

    private static void ReadData(ref WasmReader r, WasmModule m)
    {
        int n = r.ReadCount(2);
        for (int i = 0; i < n; i++)
        {
            int at = r.Position;
            uint flags = r.ReadU32();
            if (flags > 2)
            {
                throw WasmReader.Malformed(at, "malformed data segment kind");
            }
            int memory = 0;
            ConstExpr offset = default;
            var mode = flags == 1 ? SegmentMode.Passive : SegmentMode.Active;
            if (flags == 2)
            {
                memory = (int)r.ReadU32();
            }
            if (mode == SegmentMode.Active)
            {
                offset = ReadConstExpr(ref r, m);
            }
            int lenAt = r.Position;
            uint length = r.ReadU32();
            if (length > (uint)r.Remaining)
            {
                throw WasmReader.Malformed(lenAt, "unexpected end of section or function");
            }
            m.Data.Add(new DataSegment { Mode = mode, Memory = memory, Offset = offset, DataStart = r.Position, DataLength = (int)length });
            r.Position += (int)length;
        }
    }

    /// <summary>
    /// Reads a constant expression up to its <c>end</c>. Only the constant instructions are decoded here; any other
    /// opcode makes the module invalid ("constant expression required"). Types are checked by the validator.
    /// </summary>
    private static ConstExpr ReadConstExpr(ref WasmReader r, WasmModule m)
    {
        int start = r.Position;
        while (true)
        {
            int at = r.Position;
            byte op = r.ReadByte();
            switch (op)
            {
                case 0x0B: return new ConstExpr(start, at);
                case 0x41: r.ReadS32(); break;
                case 0x42: r.ReadS64(); break;
                case 0x43: r.ReadF32Bits(); break;
                case 0x44: r.ReadF64Bits(); break;
                case 0x23: r.ReadU32(); break;
                case 0xD2: r.ReadU32(); break;
                case 0xD0: ReadRefType(ref r, m.Features.ExceptionHandling); break;
                default:
                    if (op == 0xFD)
                    {
                        throw new WasmException(WasmErrorKind.Unsupported, at, "unsupported opcode 0xfd (SIMD is not implemented)");
                    }
                    if (Validation.Opcodes.IsKnown(op) || (m.Features.ExceptionHandling && Validation.Opcodes.IsException(op)))
                    {
                        throw new WasmException(WasmErrorKind.Invalid, at, "constant expression required");
                    }
                    throw WasmReader.Malformed(at, "illegal opcode");
            }
        }
    }

    private static void ReadCustom(ref WasmReader r, WasmModule m, int sectionOffset)
    {
        string name = r.ReadName();
        int start = r.Position;
        int length = r.Remaining;
        m.CustomSections.Add(new CustomSection(name, sectionOffset, start, length));
        if (name == "name" && m.Names == null)
        {
            m.Names = TryReadNames(r.Bytes, start, r.End);
        }
        r.Position = r.End;
    }

    private static NameSection? TryReadNames(byte[] bytes, int start, int end)
    {
        var names = new NameSection();
        try
        {
            var r = new WasmReader(bytes, start, end);
            while (!r.AtEnd)
            {
                byte id = r.ReadByte();
                int size = (int)r.ReadU32();
                if (size > r.Remaining)
                {
                    return null;
                }
                var s = new WasmReader(bytes, r.Position, r.Position + size);
                switch (id)
                {
                    case 0:
                        names.ModuleName = s.ReadName();
                        break;
                    case 1:
                        {
                            int n = s.ReadCount(2);
                            for (int i = 0; i < n; i++)
                            {
                                int idx = (int)s.ReadU32();
                                names.FunctionNames[idx] = s.ReadName();
                            }
                            break;
                        }
                    case 2:
                        {
                            int n = s.ReadCount(2);
                            for (int i = 0; i < n; i++)
                            {
                                int f = (int)s.ReadU32();
                                int k = s.ReadCount(2);
                                var map = new Dictionary<int, string>();
                                for (int j = 0; j < k; j++)
                                {
                                    int idx = (int)s.ReadU32();
                                    map[idx] = s.ReadName();
                                }
                                names.LocalNames[f] = map;
                            }
                            break;
                        }
                }
                r.Position += size;
            }
        }
        catch (WasmException)
        {
            // The spec lets an engine ignore a malformed name section; keep what is missing as absent.
            return null;
        }
        return names;
    }
}
