using System;
using System.Collections.Generic;
using Wit.DebugAdapter.Wasm;

namespace Wit.DebugAdapter.Dwarf;

/// <summary>One address range of the line program: code from <see cref="Start"/> up to <see cref="End"/> (exclusive) is on <see cref="Line"/>.</summary>
internal readonly record struct LineRange(ulong Start, ulong End, int File, int Line, int Column, bool IsStmt, bool PrologueEnd);

/// <summary>
/// DWARF's <c>.debug_line</c> (versions 2 to 5), run into address ranges. In WebAssembly, addresses are offsets from the
/// start of the code section's contents. Files are numbered across all units (<see cref="Files"/>), their paths as the
/// units give them (joined with their include directory). Malformed units are skipped, with a note in
/// <see cref="Problems"/>; a unit's program is run at most once, so the work is linear in the section's size.
/// </summary>
internal sealed class LineTable
{
    private readonly List<LineRange> _ranges = new();

    public List<string> Files { get; } = new();

    public List<string> Problems { get; } = new();

    /// <summary>The ranges, sorted by start address.</summary>
    public IReadOnlyList<LineRange> Ranges => _ranges;

    public static LineTable Parse(byte[] bytes, int start, int length, Func<string, (int Start, int Length)?> section)
    {
        var table = new LineTable();
        var r = new ByteReader(bytes, start, start + length);
        while (!r.AtEnd)
        {
            int unitStart = r.Position;
            try
            {
                var unit = r.Unit(out bool dwarf64);
                table.ParseUnit(bytes, ref unit, dwarf64, section);
            }
            catch (MalformedException e)
            {
                table.Problems.Add($".debug_line unit at 0x{unitStart - start:x}: {e.Message}");
                break;
            }
        }
        table._ranges.Sort((a, b) => a.Start.CompareTo(b.Start));
        return table;
    }

    /// <summary>The range that holds <paramref name="address"/>, or null.</summary>
    public LineRange? Find(ulong address)
    {
        int lo = 0, hi = _ranges.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (_ranges[mid].Start <= address)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        // Ranges of different sequences do not overlap in a linked module, but empty ones may share a start.
        for (int i = found; i >= 0 && i > found - 4; i--)
        {
            if (_ranges[i].Start <= address && address < _ranges[i].End)
            {
                return _ranges[i];
            }
        }
        return null;
    }

    private void ParseUnit(byte[] bytes, ref ByteReader r, bool dwarf64, Func<string, (int Start, int Length)?> section)
    {
        int version = r.U16();
        if (version < 2 || version > 5)
        {
            throw new MalformedException($"unsupported version {version}");
        }
        if (version >= 5)
        {
            r.U8(); // address size (set_address says its own)
            r.U8(); // segment selector size
        }
        ulong headerLength = dwarf64 ? r.U64() : r.U32();
        if (headerLength > (ulong)(r.End - r.Position))
        {
            throw new MalformedException("header past the unit's end");
        }
        int programStart = r.Position + (int)headerLength;
        int minInstLength = r.U8();
        if (version >= 4)
        {
            r.U8(); // maximum operations per instruction (1: no VLIW here)
        }
        bool defaultIsStmt = r.U8() != 0;
        int lineBase = (sbyte)r.U8();
        int lineRange = r.U8();
        int opcodeBase = r.U8();
        if (lineRange == 0)
        {
            throw new MalformedException("line_range is 0");
        }
        var standardLengths = new int[Math.Max(opcodeBase, 1)];
        for (int i = 1; i < opcodeBase; i++)
        {
            standardLengths[i] = r.U8();
        }
        var dirs = new List<string>();
        var files = new List<int>(); // file number in the unit -> index in Files
        if (version >= 5)
        {
            foreach (var entry in EntriesV5(bytes, ref r, dwarf64, section))
            {
                dirs.Add(entry.Path);
            }
            foreach (var entry in EntriesV5(bytes, ref r, dwarf64, section))
            {
                files.Add(AddFile(Join(entry.Dir >= 0 && entry.Dir < dirs.Count ? dirs[entry.Dir] : "", entry.Path)));
            }
        }
        else
        {
            dirs.Add("");
            for (string d = r.CString(); d.Length > 0; d = r.CString())
            {
                dirs.Add(d);
            }
            files.Add(-1); // v2-4 files are 1-based
            for (string f = r.CString(); f.Length > 0; f = r.CString())
            {
                ulong dir = r.Uleb();
                r.Uleb();
                r.Uleb();
                files.Add(AddFile(Join(dir < (ulong)dirs.Count ? dirs[(int)dir] : "", f)));
            }
        }
        r.Position = programStart;

        ulong address = 0;
        int file = 1, line = 1, column = 0;
        bool isStmt = defaultIsStmt;
        // The row begun last in this sequence: it becomes a range when the next row (or the sequence's end) gives its end.
        (ulong Address, int File, int Line, int Column, bool IsStmt, bool PrologueEnd)? pending = null;
        bool prologueEnd = false;
        void Emit(bool endSequence)
        {
            if (pending is { } p && address > p.Address)
            {
                int global = p.File >= 0 && p.File < files.Count ? files[p.File] : -1;
                // wasm-ld marks the code of discarded functions with a tombstone address (-1 or -2): no range of those.
                if (global >= 0 && p.Address < 0xFFFFFFF0)
                {
                    _ranges.Add(new LineRange(p.Address, address, global, p.Line, p.Column, p.IsStmt, p.PrologueEnd));
                }
            }
            pending = endSequence ? null : (address, file, line, column, isStmt, prologueEnd);
            prologueEnd = false;
        }
        while (!r.AtEnd)
        {
            byte op = r.U8();
            if (op >= opcodeBase)
            {
                int adjusted = op - opcodeBase;
                address += (ulong)(adjusted / lineRange * minInstLength);
                line += lineBase + adjusted % lineRange;
                Emit(false);
                continue;
            }
            switch (op)
            {
                case 0:
                    {
                        ulong len = r.Uleb();
                        if (len == 0 || len > (ulong)(r.End - r.Position))
                        {
                            throw new MalformedException("bad extended opcode length");
                        }
                        int end = r.Position + (int)len;
                        byte sub = r.U8();
                        switch (sub)
                        {
                            case 1:
                                Emit(true);
                                address = 0;
                                file = 1;
                                line = 1;
                                column = 0;
                                isStmt = defaultIsStmt;
                                break;
                            case 2:
                                address = len - 1 == 8 ? r.U64() : len - 1 == 4 ? r.U32() : throw new MalformedException("bad set_address size");
                                break;
                        }
                        r.Position = end;
                        break;
                    }
                case 1: Emit(false); break;
                case 2: address += r.Uleb() * (ulong)minInstLength; break;
                case 3: line += (int)r.Sleb(); break;
                case 4: file = (int)Math.Min(r.Uleb(), int.MaxValue); break;
                case 5: column = (int)Math.Min(r.Uleb(), int.MaxValue); break;
                case 6: isStmt = !isStmt; break;
                case 8: address += (ulong)((255 - opcodeBase) / lineRange * minInstLength); break;
                case 9: address += r.U16(); break;
                case 10: prologueEnd = true; break;
                case 7: case 11: break;
                default:
                    for (int i = 0; i < standardLengths[op]; i++)
                    {
                        r.Uleb();
                    }
                    break;
            }
        }
    }

    private int AddFile(string path)
    {
        Files.Add(path);
        return Files.Count - 1;
    }

    private static string Join(string dir, string name) =>
        dir.Length == 0 || name.StartsWith('/') ? name : dir.TrimEnd('/') + "/" + name;

    private readonly record struct Entry(string Path, int Dir);

    /// <summary>A DWARF 5 directory or file name table: its entry format, then the entries.</summary>
    private static List<Entry> EntriesV5(byte[] bytes, ref ByteReader r, bool dwarf64, Func<string, (int Start, int Length)?> section)
    {
        int formatCount = r.U8();
        var format = new (ulong Content, ulong Form)[formatCount];
        for (int i = 0; i < formatCount; i++)
        {
            format[i] = (r.Uleb(), r.Uleb());
        }
        ulong count = r.Uleb();
        if (count > (ulong)(r.End - r.Position))
        {
            throw new MalformedException("more entries than bytes");
        }
        var entries = new List<Entry>();
        for (ulong e = 0; e < count; e++)
        {
            string path = "";
            int dir = 0;
            foreach (var (content, form) in format)
            {
                string? text = null;
                ulong number = 0;
                switch (form)
                {
                    case 0x08: text = r.CString(); break; // string
                    case 0x1F: text = StringAt(bytes, section(".debug_line_str"), dwarf64 ? r.U64() : r.U32()); break; // line_strp
                    case 0x0E: text = StringAt(bytes, section(".debug_str"), dwarf64 ? r.U64() : r.U32()); break; // strp
                    case 0x0F: number = r.Uleb(); break; // udata
                    case 0x0B: number = r.U8(); break;
                    case 0x05: number = r.U16(); break;
                    case 0x06: number = r.U32(); break;
                    case 0x07: number = r.U64(); break;
                    case 0x1E: r.Skip(16); break; // data16 (MD5)
                    case 0x09: r.Skip((long)Math.Min(r.Uleb(), int.MaxValue)); break; // block
                    default: throw new MalformedException($"unsupported form 0x{form:x} in a file table");
                }
                if (content == 1 && text != null)
                {
                    path = text;
                }
                else if (content == 2)
                {
                    dir = (int)Math.Min(number, int.MaxValue);
                }
            }
            entries.Add(new Entry(path, dir));
        }
        return entries;
    }

    private static string StringAt(byte[] bytes, (int Start, int Length)? section, ulong offset)
    {
        if (section is not { } s || offset >= (ulong)s.Length)
        {
            throw new MalformedException("string offset outside its section");
        }
        var r = new ByteReader(bytes, s.Start + (int)offset, s.Start + s.Length);
        return r.CString();
    }
}
