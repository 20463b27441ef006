using System;
using System.Collections.Generic;
using Wit.DebugAdapter.Wasm;

namespace Wit.DebugAdapter.Dwarf;

/// <summary>One attribute of a DIE as read: its name, its form, and the form's raw value (a number, or a block's start and length).</summary>
internal readonly record struct DwarfAttribute(ushort Name, ushort Form, ulong Value, int BlockStart, int BlockLength, string? Text);

/// <summary>A compilation unit: its version, address size and the bases of its DWARF 5 indexed forms.</summary>
internal sealed class DwarfUnit
{
    public int Version;
    public int AddressSize;
    public bool Dwarf64;
    public ulong StrOffsetsBase, AddrBase, LoclistsBase, RnglistsBase;
    public ulong LowPc;
    public DwarfDie? Root;
}

/// <summary>A debugging information entry: its tag, attributes, children and unit.</summary>
internal sealed class DwarfDie
{
    public DwarfDie(int offset, ushort tag, DwarfUnit unit, DwarfDie? parent)
    {
        Offset = offset;
        Tag = tag;
        Unit = unit;
        Parent = parent;
    }

    public int Offset { get; }
    public ushort Tag { get; }
    public DwarfUnit Unit { get; }
    public DwarfDie? Parent { get; }
    public List<DwarfAttribute> Attributes { get; } = new();
    public List<DwarfDie> Children { get; } = new();

    public DwarfAttribute? Attribute(ushort name)
    {
        foreach (var a in Attributes)
        {
            if (a.Name == name)
            {
                return a;
            }
        }
        return null;
    }
}

/// <summary>
/// DWARF's <c>.debug_info</c> (versions 4 and 5, as clang emits them for WebAssembly) read into a tree of DIEs, with
/// what the debugger asks of it: the subprogram and lexical blocks around a pc, names, references, address ranges
/// (<c>.debug_ranges</c>, <c>.debug_rnglists</c>) and location expressions (exprloc, <c>.debug_loc</c>,
/// <c>.debug_loclists</c>). Strings come from <c>.debug_str</c>, <c>.debug_line_str</c> and, for DWARF 5's indexed
/// forms, <c>.debug_str_offsets</c>; addresses from <c>.debug_addr</c>. A unit that does not parse ends the reading
/// (the units before it stay, the problem is in <see cref="Problems"/>); trees deeper than
/// <see cref="MaxDepth"/> are cut. Immutable after construction.
/// </summary>
internal sealed class DebugInfo
{
    public const int MaxDepth = 64;

    private readonly byte[] _bytes;
    private readonly Func<string, (int Start, int Length)?> _section;
    private readonly Dictionary<int, DwarfDie> _byOffset = new();
    private readonly int _infoStart;

    public List<DwarfUnit> Units { get; } = new();

    public List<string> Problems { get; } = new();

    private DebugInfo(byte[] bytes, int infoStart, Func<string, (int Start, int Length)?> section)
    {
        _bytes = bytes;
        _infoStart = infoStart;
        _section = section;
    }

    public static DebugInfo? Read(byte[] bytes, Func<string, (int Start, int Length)?> section)
    {
        if (section(".debug_info") is not { } info || section(".debug_abbrev") is not { } abbrev)
        {
            return null;
        }
        var result = new DebugInfo(bytes, info.Start, section);
        var r = new ByteReader(bytes, info.Start, info.Start + info.Length);
        while (!r.AtEnd)
        {
            int unitStart = r.Position;
            try
            {
                result.ReadUnit(ref r, abbrev);
            }
            catch (MalformedException e)
            {
                result.Problems.Add($".debug_info unit at 0x{unitStart - info.Start:x}: {e.Message}");
                break;
            }
        }
        return result;
    }

    private readonly record struct AbbrevSpec(ushort Name, ushort Form, long ImplicitConst);

    private sealed record Abbrev(ushort Tag, bool HasChildren, AbbrevSpec[] Specs);

    private Dictionary<ulong, Abbrev> ReadAbbrevs((int Start, int Length) section, ulong offset)
    {
        var table = new Dictionary<ulong, Abbrev>();
        if (offset >= (ulong)section.Length)
        {
            throw new MalformedException($"abbreviation offset 0x{offset:x} past .debug_abbrev");
        }
        var r = new ByteReader(_bytes, section.Start + (int)offset, section.Start + section.Length);
        while (true)
        {
            ulong code = r.Uleb();
            if (code == 0)
            {
                return table;
            }
            ushort tag = (ushort)r.Uleb();
            bool children = r.U8() != 0;
            var specs = new List<AbbrevSpec>();
            while (true)
            {
                ushort name = (ushort)r.Uleb(), form = (ushort)r.Uleb();
                if (name == 0 && form == 0)
                {
                    break;
                }
                long implicitConst = form == DwarfConstants.FormImplicitConst ? r.Sleb() : 0;
                specs.Add(new AbbrevSpec(name, form, implicitConst));
            }
            table[code] = new Abbrev(tag, children, specs.ToArray());
        }
    }

    private void ReadUnit(ref ByteReader r, (int Start, int Length) abbrevSection)
    {
        int unitStart = r.Position;
        var u = r.Unit(out bool dwarf64);
        var unit = new DwarfUnit { Version = u.U16(), Dwarf64 = dwarf64 };
        ulong abbrevOffset;
        if (unit.Version >= 5)
        {
            byte unitType = u.U8();
            unit.AddressSize = u.U8();
            abbrevOffset = dwarf64 ? u.U64() : u.U32();
            if (unitType is 4 or 5)
            {
                u.Skip(8); // skeleton and split units: the DWO id
            }
            else if (unitType is 2 or 6)
            {
                u.Skip(8 + (dwarf64 ? 8 : 4)); // type units: the signature and the type's offset
            }
        }
        else if (unit.Version is >= 2 and <= 4)
        {
            abbrevOffset = dwarf64 ? u.U64() : u.U32();
            unit.AddressSize = u.U8();
        }
        else
        {
            throw new MalformedException($"DWARF version {unit.Version} is not supported");
        }
        if (unit.AddressSize is not (4 or 8))
        {
            throw new MalformedException($"address size {unit.AddressSize}");
        }
        var abbrevs = ReadAbbrevs(abbrevSection, abbrevOffset);
        var stack = new List<DwarfDie>();
        while (!u.AtEnd)
        {
            int offset = u.Position - _infoStart;
            ulong code = u.Uleb();
            if (code == 0)
            {
                if (stack.Count > 0)
                {
                    stack.RemoveAt(stack.Count - 1);
                }
                continue;
            }
            if (!abbrevs.TryGetValue(code, out var abbrev))
            {
                throw new MalformedException($"abbreviation {code} is not defined");
            }
            var parent = stack.Count > 0 ? stack[^1] : null;
            var die = new DwarfDie(offset, abbrev.Tag, unit, parent);
            foreach (var spec in abbrev.Specs)
            {
                die.Attributes.Add(ReadAttribute(ref u, unit, spec.Name, spec.Form, spec.ImplicitConst, unitStart - _infoStart, 0));
            }
            _byOffset[offset] = die;
            if (parent == null)
            {
                unit.Root ??= die;
            }
            else
            {
                parent.Children.Add(die);
            }
            if (abbrev.HasChildren)
            {
                if (stack.Count >= MaxDepth)
                {
                    throw new MalformedException($"DIEs nested deeper than {MaxDepth}");
                }
                stack.Add(die);
            }
        }
        if (unit.Root is { } root)
        {
            unit.StrOffsetsBase = Constant(root, DwarfConstants.AtStrOffsetsBase) ?? 8;
            unit.AddrBase = Constant(root, DwarfConstants.AtAddrBase) ?? 8;
            unit.LoclistsBase = Constant(root, DwarfConstants.AtLoclistsBase) ?? 0;
            unit.RnglistsBase = Constant(root, DwarfConstants.AtRnglistsBase) ?? 0;
            unit.LowPc = Address(root, DwarfConstants.AtLowPc) ?? 0;
            Units.Add(unit);
        }
    }

    private DwarfAttribute ReadAttribute(ref ByteReader u, DwarfUnit unit, ushort name, ushort form, long implicitConst, int unitOffset, int indirections)
    {
        int offsetSize = unit.Dwarf64 ? 8 : 4;
        ulong Offset(ref ByteReader x) => offsetSize == 8 ? x.U64() : x.U32();
        DwarfAttribute Block(ref ByteReader x, ulong n)
        {
            int start = x.Position;
            x.Skip((long)Math.Min(n, int.MaxValue));
            return new DwarfAttribute(name, form, n, start, (int)n, null);
        }
        DwarfAttribute Value(ulong v) => new(name, form, v, 0, 0, null);
        switch (form)
        {
            case DwarfConstants.FormAddr: return Value(unit.AddressSize == 8 ? u.U64() : u.U32());
            case 0x03: return Block(ref u, u.U16());
            case 0x04: return Block(ref u, u.U32());
            case 0x05: return Value(u.U16());
            case 0x06: return Value(u.U32());
            case 0x07: return Value(u.U64());
            case 0x08: return new DwarfAttribute(name, form, 0, 0, 0, u.CString());
            case 0x09: case DwarfConstants.FormExprloc: return Block(ref u, u.Uleb());
            case 0x0a: return Block(ref u, u.U8());
            case 0x0b: return Value(u.U8());
            case 0x0c: return Value(u.U8());
            case 0x0d: return Value((ulong)u.Sleb());
            case 0x0e: case 0x1f: case 0x1d: return Value(Offset(ref u));
            case 0x0f: return Value(u.Uleb());
            case 0x10: return Value(unit.Version <= 2 ? (unit.AddressSize == 8 ? u.U64() : u.U32()) : Offset(ref u));
            case 0x11: return Value((ulong)unitOffset + u.U8());
            case 0x12: return Value((ulong)unitOffset + u.U16());
            case 0x13: return Value((ulong)unitOffset + u.U32());
            case 0x14: return Value((ulong)unitOffset + u.U64());
            case 0x15: return Value((ulong)unitOffset + u.Uleb());
            case 0x16:
                if (indirections > 0)
                {
                    throw new MalformedException("DW_FORM_indirect of DW_FORM_indirect");
                }
                return ReadAttribute(ref u, unit, name, (ushort)u.Uleb(), implicitConst, unitOffset, indirections + 1);
            case 0x17: return Value(Offset(ref u));
            case 0x19: return Value(1);
            case 0x1a: case 0x1b: case 0x22: case 0x23: return Value(u.Uleb());
            case 0x1c: return Value(u.U32());
            case 0x1e: return Block(ref u, 16);
            case 0x20: case 0x24: return Value(u.U64());
            case DwarfConstants.FormImplicitConst: return Value((ulong)implicitConst);
            case 0x25: case 0x29: return Value(u.U8());
            case 0x26: case 0x2a: return Value(u.U16());
            case 0x27: case 0x2b: return Value(u.U8() | ((ulong)u.U16() << 8));
            case 0x28: case 0x2c: return Value(u.U32());
            default: throw new MalformedException($"attribute form 0x{form:x} is not supported");
        }
    }

    public DwarfDie? DieAt(ulong offset) => offset < int.MaxValue && _byOffset.TryGetValue((int)offset, out var d) ? d : null;

    /// <summary>The DIE an attribute refers to (DW_AT_type and the like), or null.</summary>
    public DwarfDie? Reference(DwarfDie die, ushort name) => die.Attribute(name) is { } a && a.Form is >= 0x10 and <= 0x15 ? DieAt(a.Value) : null;

    public ulong? Constant(DwarfDie die, ushort name) =>
        die.Attribute(name) is { } a && a.BlockLength == 0 && a.Text == null && a.Form != 0x08 ? a.Value : null;

    public long? SignedConstant(DwarfDie die, ushort name)
    {
        if (die.Attribute(name) is not { } a)
        {
            return null;
        }
        return a.Form switch
        {
            0x0b => (sbyte)a.Value,
            0x05 => (short)a.Value,
            0x06 => (int)a.Value,
            _ => (long)a.Value,
        };
    }

    public string? Name(DwarfDie die) => die.Attribute(DwarfConstants.AtName) is { } a ? String(die.Unit, a) : null;

    public string? String(DwarfUnit unit, DwarfAttribute a)
    {
        try
        {
            switch (a.Form)
            {
                case 0x08: return a.Text;
                case 0x0e: return StringAt(".debug_str", a.Value);
                case 0x1f: return StringAt(".debug_line_str", a.Value);
                case 0x1a: case 0x25: case 0x26: case 0x27: case 0x28:
                    if (_section(".debug_str_offsets") is not { } so)
                    {
                        return null;
                    }
                    int size = unit.Dwarf64 ? 8 : 4;
                    ulong at = unit.StrOffsetsBase + a.Value * (ulong)size;
                    if (at + (ulong)size > (ulong)so.Length)
                    {
                        return null;
                    }
                    var r = new ByteReader(_bytes, so.Start + (int)at, so.Start + so.Length);
                    return StringAt(".debug_str", size == 8 ? r.U64() : r.U32());
                default: return null;
            }
        }
        catch (MalformedException)
        {
            return null;
        }
    }

    private string? StringAt(string sectionName, ulong offset)
    {
        if (_section(sectionName) is not { } s || offset >= (ulong)s.Length)
        {
            return null;
        }
        var r = new ByteReader(_bytes, s.Start + (int)offset, s.Start + s.Length);
        return r.CString();
    }

    /// <summary>An address attribute: DW_FORM_addr directly, or DWARF 5's index into <c>.debug_addr</c>.</summary>
    public ulong? Address(DwarfDie die, ushort name) => die.Attribute(name) is { } a ? AddressOf(die.Unit, a) : null;

    private ulong? AddressOf(DwarfUnit unit, DwarfAttribute a) => a.Form switch
    {
        DwarfConstants.FormAddr => a.Value,
        0x1b or 0x29 or 0x2a or 0x2b or 0x2c => IndexedAddress(unit, a.Value),
        _ => null,
    };

    public ulong? IndexedAddress(DwarfUnit unit, ulong index)
    {
        if (_section(".debug_addr") is not { } s)
        {
            return null;
        }
        ulong at = unit.AddrBase + index * (ulong)unit.AddressSize;
        if (at + (ulong)unit.AddressSize > (ulong)s.Length)
        {
            return null;
        }
        var r = new ByteReader(_bytes, s.Start + (int)at, s.Start + s.Length);
        return unit.AddressSize == 8 ? r.U64() : r.U32();
    }

    /// <summary>Whether a subprogram or lexical block covers <paramref name="pc"/> (low/high pc or DW_AT_ranges).</summary>
    public bool Covers(DwarfDie die, ulong pc)
    {
        try
        {
            if (Address(die, DwarfConstants.AtLowPc) is { } low && die.Attribute(DwarfConstants.AtHighPc) is { } highAttr)
            {
                ulong high = highAttr.Form == DwarfConstants.FormAddr || highAttr.Form is 0x1b or >= 0x29 and <= 0x2c
                    ? AddressOf(die.Unit, highAttr) ?? 0
                    : low + highAttr.Value;
                return pc >= low && pc < high;
            }
            if (die.Attribute(DwarfConstants.AtRanges) is { } ranges)
            {
                foreach (var (start, end) in Ranges(die.Unit, ranges))
                {
                    if (pc >= start && pc < end)
                    {
                        return true;
                    }
                }
            }
        }
        catch (MalformedException)
        {
        }
        return false;
    }

    private const int MaxListEntries = 100_000;

    private IEnumerable<(ulong Start, ulong End)> Ranges(DwarfUnit unit, DwarfAttribute a)
    {
        var list = new List<(ulong, ulong)>();
        if (unit.Version < 5)
        {
            if (_section(".debug_ranges") is not { } s || a.Value >= (ulong)s.Length)
            {
                return list;
            }
            var r = new ByteReader(_bytes, s.Start + (int)a.Value, s.Start + s.Length);
            ulong baseAddress = unit.LowPc, max = unit.AddressSize == 8 ? ulong.MaxValue : uint.MaxValue;
            for (int n = 0; n < MaxListEntries; n++)
            {
                ulong start = unit.AddressSize == 8 ? r.U64() : r.U32(), end = unit.AddressSize == 8 ? r.U64() : r.U32();
                if (start == 0 && end == 0)
                {
                    break;
                }
                if (start == max)
                {
                    baseAddress = end;
                    continue;
                }
                list.Add((baseAddress + start, baseAddress + end));
            }
            return list;
        }
        if (ListReader(".debug_rnglists", unit.RnglistsBase, a, 0x23, unit.Dwarf64) is not { } rr)
        {
            return list;
        }
        ulong b = unit.LowPc;
        for (int n = 0; n < MaxListEntries; n++)
        {
            byte kind = rr.U8();
            switch (kind)
            {
                case 0: return list;
                case 1: b = IndexedAddress(unit, rr.Uleb()) ?? 0; break;
                case 2: list.Add((IndexedAddress(unit, rr.Uleb()) ?? 0, IndexedAddress(unit, rr.Uleb()) ?? 0)); break;
                case 3: { ulong s0 = IndexedAddress(unit, rr.Uleb()) ?? 0; list.Add((s0, s0 + rr.Uleb())); break; }
                case 4: { ulong s0 = rr.Uleb(), e0 = rr.Uleb(); list.Add((b + s0, b + e0)); break; }
                case 5: b = Addr(ref rr, unit); break;
                case 6: list.Add((Addr(ref rr, unit), Addr(ref rr, unit))); break;
                case 7: { ulong s0 = Addr(ref rr, unit); list.Add((s0, s0 + rr.Uleb())); break; }
                default: throw new MalformedException($"range list entry kind {kind}");
            }
        }
        return list;
    }

    private static ulong Addr(ref ByteReader r, DwarfUnit unit) => unit.AddressSize == 8 ? r.U64() : r.U32();

    /// <summary>
    /// A reader at the DWARF 5 list an attribute names: by index through the offset table (<paramref name="indexedForm"/>,
    /// DW_FORM_loclistx or DW_FORM_rnglistx) or by offset; null when the section or the list is not there.
    /// </summary>
    private ByteReader? ListReader(string sectionName, ulong listBase, DwarfAttribute a, ushort indexedForm, bool dwarf64)
    {
        if (_section(sectionName) is not { } s)
        {
            return null;
        }
        ulong offset = a.Form == indexedForm ? ListOffset(s, listBase, a.Value, dwarf64) : a.Value;
        return offset < (ulong)s.Length ? new ByteReader(_bytes, s.Start + (int)offset, s.Start + s.Length) : null;
    }

    /// <summary>The offset of list <paramref name="index"/> in a DWARF 5 list section: its base plus the offset table's entry.</summary>
    private ulong ListOffset((int Start, int Length) s, ulong listBase, ulong index, bool dwarf64)
    {
        int size = dwarf64 ? 8 : 4;
        ulong at = listBase + index * (ulong)size;
        if (at + (ulong)size > (ulong)s.Length)
        {
            throw new MalformedException($"list index {index} past the section's end");
        }
        var r = new ByteReader(_bytes, s.Start + (int)at, s.Start + s.Length);
        return listBase + (dwarf64 ? r.U64() : r.U32());
    }

    /// <summary>
    /// The location expression of a variable at <paramref name="pc"/>: its exprloc, or the entry of its location list
    /// that covers the pc; null when it has none there (optimized out).
    /// </summary>
    public (int Start, int Length)? Location(DwarfDie die, ushort name, ulong pc)
    {
        if (die.Attribute(name) is not { } a)
        {
            return null;
        }
        if (a.BlockLength > 0 || a.Form is DwarfConstants.FormExprloc or 0x09 or 0x0a or 0x03 or 0x04)
        {
            return (a.BlockStart, a.BlockLength);
        }
        var unit = die.Unit;
        if (unit.Version < 5)
        {
            if (_section(".debug_loc") is not { } s || a.Value >= (ulong)s.Length)
            {
                return null;
            }
            var r = new ByteReader(_bytes, s.Start + (int)a.Value, s.Start + s.Length);
            ulong baseAddress = unit.LowPc, max = unit.AddressSize == 8 ? ulong.MaxValue : uint.MaxValue;
            for (int n = 0; n < MaxListEntries; n++)
            {
                ulong start = Addr(ref r, unit), end = Addr(ref r, unit);
                if (start == 0 && end == 0)
                {
                    return null;
                }
                if (start == max)
                {
                    baseAddress = end;
                    continue;
                }
                int length = r.U16(), at = r.Position;
                r.Skip(length);
                if (pc >= baseAddress + start && pc < baseAddress + end)
                {
                    return (at, length);
                }
            }
            return null;
        }
        if (ListReader(".debug_loclists", unit.LoclistsBase, a, 0x22, unit.Dwarf64) is not { } rr)
        {
            return null;
        }
        ulong b = unit.LowPc;
        (int, int)? fallback = null;
        for (int n = 0; n < MaxListEntries; n++)
        {
            byte kind = rr.U8();
            ulong lo = 0, hi = 0;
            bool isRange = true;
            switch (kind)
            {
                case 0: return fallback;
                case 1: b = IndexedAddress(unit, rr.Uleb()) ?? 0; isRange = false; break;
                case 2: lo = IndexedAddress(unit, rr.Uleb()) ?? 0; hi = IndexedAddress(unit, rr.Uleb()) ?? 0; break;
                case 3: lo = IndexedAddress(unit, rr.Uleb()) ?? 0; hi = lo + rr.Uleb(); break;
                case 4: lo = b + rr.Uleb(); hi = b + rr.Uleb(); break;
                case 5: break;
                case 6: b = Addr(ref rr, unit); isRange = false; break;
                case 7: lo = Addr(ref rr, unit); hi = Addr(ref rr, unit); break;
                case 8: lo = Addr(ref rr, unit); hi = lo + rr.Uleb(); break;
                default: throw new MalformedException($"location list entry kind {kind}");
            }
            if (!isRange)
            {
                continue;
            }
            ulong length = rr.Uleb();
            int at = rr.Position;
            rr.Skip((long)Math.Min(length, int.MaxValue));
            if (kind == 5)
            {
                fallback = (at, (int)length);
            }
            else if (pc >= lo && pc < hi)
            {
                return (at, (int)length);
            }
        }
        return null;
    }

    /// <summary>
    /// The subprogram whose code holds <paramref name="pc"/> (a DWARF address) and the chain of DIEs whose variables
    /// are in scope there, innermost first: nested lexical blocks that cover the pc, then the subprogram.
    /// </summary>
    public List<DwarfDie> ScopesAt(ulong pc)
    {
        var chain = new List<DwarfDie>();
        foreach (var unit in Units)
        {
            if (unit.Root is not { } root)
            {
                continue;
            }
            foreach (var child in root.Children)
            {
                if (child.Tag == DwarfConstants.TagSubprogram && Covers(child, pc))
                {
                    chain.Add(child);
                    var current = child;
                    // Blocks nest at most MaxDepth deep (the reader cut deeper trees), so this loop is bounded.
                    while (true)
                    {
                        DwarfDie? inner = null;
                        foreach (var c in current.Children)
                        {
                            if (c.Tag == DwarfConstants.TagLexicalBlock && Covers(c, pc))
                            {
                                inner = c;
                                break;
                            }
                        }
                        if (inner == null)
                        {
                            break;
                        }
                        chain.Insert(0, inner);
                        current = inner;
                    }
                    return chain;
                }
            }
        }
        return chain;
    }
}
