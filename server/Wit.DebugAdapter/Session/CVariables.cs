using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Wit.DebugAdapter.Dwarf;
using Wit.DebugAdapter.Wasm;
using Wit.Runtime.Binary;
using Wit.Runtime.Execution;

namespace Wit.DebugAdapter.Session;

/// <summary>A C value the debugger shows: its type and where it is (memory, a computed value, or unavailable).</summary>
internal readonly record struct CValue(CType Type, VariableLocation Location);

/// <summary>A stopped frame as DWARF location expressions read it: its wasm locals, operands and the instance's globals and memory.</summary>
internal sealed class WasmFrameState : IWasmFrameState
{
    private readonly StopFrame _frame;
    private readonly Instance _instance;

    public WasmFrameState(StopFrame frame, Instance instance)
    {
        _frame = frame;
        _instance = instance;
    }

    public ulong? Local(int index) => _frame.Locals is { } l && index < l.Length ? l[index].Bits : null;

    public ulong? Global(int index) => index < _instance.Globals.Length ? _instance.Globals[index].Value.Bits : null;

    public ulong? Operand(int depthFromTop) => _frame.Operands is { } o && depthFromTop < o.Length ? o[o.Length - 1 - depthFromTop] : null;

    public byte[]? Memory => _instance.Memories.Length > 0 ? _instance.Memories[0].Bytes : null;
}

/// <summary>
/// The C variables of a frame (DWARF formal parameters and variables of the subprogram and the lexical blocks around
/// its pc) and how they show: a one-line value, and children for structs, unions, arrays and pointers. Everything read
/// is bounds-checked and bounded (<see cref="MaxChildren"/> elements, strings of <see cref="MaxString"/> bytes,
/// summaries <see cref="SummaryDepth"/> levels deep); a variable whose DWARF or memory cannot be read shows as
/// unavailable, with the reason.
/// </summary>
internal static class CVariables
{
    public const int MaxChildren = 10_000, MaxString = 256, SummaryDepth = 2, SummaryItems = 8;

    /// <summary>The variables in scope at the frame, parameters first, inner blocks' names hiding outer ones; null without DWARF for its pc.</summary>
    public static List<(string Name, CValue Value)>? At(ProgramImage image, StopFrame frame, Instance instance) =>
        At(image, frame.Pc, new WasmFrameState(frame, instance));

    /// <summary>The variables in scope at <paramref name="modulePc"/> (a byte offset in the module) of a frame whose state is <paramref name="state"/>.</summary>
    public static List<(string Name, CValue Value)>? At(ProgramImage image, int modulePc, IWasmFrameState state)
    {
        if (image.Dwarf is not { } info || image.Types is not { } types || modulePc < image.CodeContentStart)
        {
            return null;
        }
        ulong pc = (ulong)(modulePc - image.CodeContentStart);
        var chain = info.ScopesAt(pc);
        if (chain.Count == 0)
        {
            return null;
        }
        var subprogram = chain[^1];
        ulong? frameBase = FrameBase(info, subprogram, pc, state, image.Module.Bytes);
        var result = new List<(string Name, CValue Value)>();
        for (int i = chain.Count - 1; i >= 0; i--)
        {
            foreach (var die in chain[i].Children)
            {
                if (die.Tag is not (DwarfConstants.TagFormalParameter or DwarfConstants.TagVariable))
                {
                    continue;
                }
                string name = info.Name(die) ?? "(unnamed)";
                var value = Variable(info, types, die, pc, state, frameBase, image.Module.Bytes);
                int existing = result.FindIndex(v => v.Name == name);
                if (existing >= 0)
                {
                    result[existing] = (name, value);
                }
                else
                {
                    result.Add((name, value));
                }
            }
        }
        return result;
    }

    /// <summary>A C variable by name at the frame: a local, else a global of the frame's unit (DW_OP_addr), or null.</summary>
    public static CValue? Find(ProgramImage image, int modulePc, IWasmFrameState state, string name)
    {
        if (At(image, modulePc, state) is { } locals)
        {
            foreach (var (n, v) in locals)
            {
                if (n == name)
                {
                    return v;
                }
            }
        }
        if (image.Dwarf is not { } info || image.Types is not { } types)
        {
            return null;
        }
        foreach (var unit in info.Units)
        {
            foreach (var die in unit.Root?.Children ?? new List<DwarfDie>())
            {
                if (die.Tag == DwarfConstants.TagVariable && info.Name(die) == name && die.Attribute(DwarfConstants.AtLocation) != null)
                {
                    return Variable(info, types, die, 0, state, null, image.Module.Bytes);
                }
            }
        }
        return null;
    }

    private static ulong? FrameBase(DebugInfo info, DwarfDie subprogram, ulong pc, IWasmFrameState state, byte[] bytes)
    {
        try
        {
            if (info.Location(subprogram, DwarfConstants.AtFrameBase, pc) is not { } expr)
            {
                return null;
            }
            var location = LocationExpression.Evaluate(bytes, expr.Start, expr.Length, state, null, info, subprogram.Unit, scalar: true);
            return location.Unavailable == null ? location.Value : null;
        }
        catch (MalformedException)
        {
            return null;
        }
    }

    private static CValue Variable(DebugInfo info, CTypeTable types, DwarfDie die, ulong pc, IWasmFrameState state, ulong? frameBase, byte[] bytes)
    {
        var type = CTypeTable.Void;
        try
        {
            type = types.Get(info.Reference(die, DwarfConstants.AtType));
            if (info.Location(die, DwarfConstants.AtLocation, pc) is not { } expr)
            {
                // A constant the compiler folded (DW_AT_const_value) has no location but a value.
                return die.Attribute(DwarfConstants.AtConstValue) is { BlockLength: 0, Text: null } c
                    ? new CValue(type, VariableLocation.Computed(c.Value))
                    : new CValue(type, VariableLocation.None("optimized out"));
            }
            return new CValue(type, LocationExpression.Evaluate(bytes, expr.Start, expr.Length, state, frameBase, info, die.Unit, type.IsScalar));
        }
        catch (MalformedException e)
        {
            return new CValue(type, VariableLocation.None(e.Message));
        }
    }

    /// <summary>The raw bits of a scalar value (zero-extended), or an error.</summary>
    public static ulong? Bits(CValue v, byte[]? memory, out string? error)
    {
        error = v.Location.Unavailable;
        if (error != null)
        {
            return null;
        }
        ulong size = v.Type.Size;
        if (!v.Location.InMemory)
        {
            return size is > 0 and < 8 ? v.Location.Value & ((1UL << (int)(size * 8)) - 1) : v.Location.Value;
        }
        if (size is not (1 or 2 or 4 or 8))
        {
            error = $"a value of {size} bytes";
            return null;
        }
        if (!Readable(memory, v.Location.Value, size))
        {
            error = $"unreadable at 0x{v.Location.Value:x}";
            return null;
        }
        var span = memory.AsSpan((int)v.Location.Value, (int)size);
        return size switch
        {
            1 => span[0],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(span),
            4 => BinaryPrimitives.ReadUInt32LittleEndian(span),
            _ => BinaryPrimitives.ReadUInt64LittleEndian(span),
        };
    }

    private static bool Readable(byte[]? memory, ulong address, ulong size) =>
        memory != null && size <= (ulong)memory.Length && address <= (ulong)memory.Length - size;

    /// <summary>A scalar as a wasm value (for conditions and comparisons): integers and pointers as i32 or i64, floats as f32 or f64.</summary>
    public static WasmValue? AsWasm(CValue v, byte[]? memory)
    {
        var t = v.Type;
        if (!t.IsScalar || Bits(v, memory, out _) is not { } bits)
        {
            return null;
        }
        if (t.Kind == CTypeKind.Base && t.Encoding == DwarfConstants.AteFloat)
        {
            return t.Size == 4 ? new WasmValue(ValType.F32, bits) : new WasmValue(ValType.F64, bits);
        }
        long n = t.IsSigned ? SignExtend(bits, t.Size) : (long)bits;
        return t.Size <= 4 && n is >= int.MinValue and <= uint.MaxValue ? WasmValue.I32((int)n) : WasmValue.I64(n);
    }

    private static long SignExtend(ulong bits, ulong size) => size switch
    {
        1 => (sbyte)bits,
        2 => (short)bits,
        4 => (int)bits,
        _ => (long)bits,
    };

    public static bool HasChildren(CValue v) => v.Location.Unavailable == null && v.Location.InMemory && v.Type.Kind switch
    {
        CTypeKind.Struct or CTypeKind.Union => v.Type.Members.Count > 0,
        CTypeKind.Array => v.Type.Count > 0,
        _ => false,
    } || (v.Location.Unavailable == null && v.Type.Kind == CTypeKind.Pointer && v.Type.Target is { Kind: not (CTypeKind.Void or CTypeKind.Function or CTypeKind.Unknown) });

    /// <summary>The children of an aggregate or pointer, from <paramref name="start"/>, at most <paramref name="count"/> (and <see cref="MaxChildren"/>).</summary>
    public static List<(string Name, CValue Value)> Children(CValue v, string name, byte[]? memory, int start = 0, int count = int.MaxValue)
    {
        var result = new List<(string, CValue)>();
        if (v.Location.Unavailable != null)
        {
            return result;
        }
        var t = v.Type;
        ulong address = v.Location.Value;
        switch (t.Kind)
        {
            case CTypeKind.Struct or CTypeKind.Union when v.Location.InMemory:
                foreach (var m in t.Members)
                {
                    result.Add((m.Name, new CValue(m.Type, VariableLocation.Memory(address + m.Offset))));
                }
                break;
            case CTypeKind.Array when v.Location.InMemory && t.Target is { } element:
                long total = Math.Min(t.Count, MaxChildren);
                for (long i = Math.Max(start, 0); i < total && result.Count < count; i++)
                {
                    result.Add(($"[{i}]", new CValue(element, VariableLocation.Memory(address + (ulong)i * element.Size))));
                }
                break;
            case CTypeKind.Pointer when t.Target is { } target && Bits(v, memory, out _) is { } pointer:
                result.Add(("*" + name, new CValue(target, pointer == 0 ? VariableLocation.None("null pointer") : VariableLocation.Memory(pointer))));
                break;
        }
        return result;
    }

    /// <summary>The value on one line: a number, a character, an enumerator, an address, a string, or a summary of members or elements.</summary>
    public static string Format(CValue v, byte[]? memory) => Format(v, memory, 0);

    private static string Format(CValue v, byte[]? memory, int depth)
    {
        if (v.Location.Unavailable is { } why)
        {
            return $"<unavailable: {why}>";
        }
        var t = v.Type;
        var inv = CultureInfo.InvariantCulture;
        switch (t.Kind)
        {
            case CTypeKind.Base:
            case CTypeKind.Enum:
            case CTypeKind.Pointer:
                {
                    if (Bits(v, memory, out var error) is not { } bits)
                    {
                        return $"<{error}>";
                    }
                    if (t.Kind == CTypeKind.Pointer)
                    {
                        string hex = "0x" + bits.ToString("x8", inv);
                        return t.Target is { IsChar: true } && bits != 0 && ReadString(memory, bits, MaxString) is { } s ? $"{hex} \"{s}\"" : hex;
                    }
                    if (t.Kind == CTypeKind.Enum)
                    {
                        long e = t.IsSigned ? SignExtend(bits, t.Size) : (long)bits;
                        foreach (var (n, value) in t.Enumerators)
                        {
                            if (value == e)
                            {
                                return n;
                            }
                        }
                        return e.ToString(inv);
                    }
                    return t.Encoding switch
                    {
                        DwarfConstants.AteFloat when t.Size == 4 => BitConverter.Int32BitsToSingle((int)bits).ToString("R", inv),
                        DwarfConstants.AteFloat => BitConverter.Int64BitsToDouble((long)bits).ToString("R", inv),
                        DwarfConstants.AteBoolean => bits != 0 ? "true" : "false",
                        DwarfConstants.AteSignedChar or DwarfConstants.AteUnsignedChar when t.Size == 1 =>
                            $"{(t.IsSigned ? (sbyte)bits : (long)bits).ToString(inv)} {CharLiteral((byte)bits)}",
                        _ when t.IsSigned => SignExtend(bits, t.Size).ToString(inv),
                        _ => bits.ToString(inv),
                    };
                }
            case CTypeKind.Array:
                if (!v.Location.InMemory)
                {
                    return "<not in memory>";
                }
                if (t.Target is { IsChar: true })
                {
                    long limit = t.Count >= 0 ? Math.Min(t.Count, MaxString) : MaxString;
                    return ReadString(memory, v.Location.Value, (int)limit) is { } s ? $"\"{s}\"" : $"<unreadable at 0x{v.Location.Value:x}>";
                }
                return Summary(v, memory, depth, '[', ']', withNames: false);
            case CTypeKind.Struct:
            case CTypeKind.Union:
                return v.Location.InMemory ? Summary(v, memory, depth, '{', '}', withNames: true) : "<not in memory>";
            case CTypeKind.Function:
                return "function";
            case CTypeKind.Void:
                return "void";
            default:
                return "?";
        }
    }

    private static string Summary(CValue v, byte[]? memory, int depth, char open, char close, bool withNames)
    {
        if (depth >= SummaryDepth)
        {
            return open + "…" + close;
        }
        var sb = new StringBuilder().Append(open);
        var children = Children(v, "", memory, 0, SummaryItems + 1);
        for (int i = 0; i < children.Count && i < SummaryItems; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }
            if (withNames)
            {
                sb.Append(children[i].Name).Append('=');
            }
            sb.Append(Format(children[i].Value, memory, depth + 1));
        }
        if (children.Count > SummaryItems || (v.Type.Kind == CTypeKind.Struct && v.Type.Members.Count > SummaryItems))
        {
            sb.Append(", …");
        }
        return sb.Append(close).ToString();
    }

    /// <summary>Bytes up to a NUL (at most <paramref name="limit"/>), escaped as a C string's contents; null when the address is outside memory.</summary>
    private static string? ReadString(byte[]? memory, ulong address, int limit)
    {
        if (memory == null || address >= (ulong)memory.Length)
        {
            return null;
        }
        int start = (int)address, end = (int)Math.Min((ulong)memory.Length, address + (ulong)limit);
        int nul = Array.IndexOf(memory, (byte)0, start, end - start);
        var text = Encoding.UTF8.GetString(memory, start, (nul < 0 ? end : nul) - start);
        var sb = new StringBuilder();
        foreach (char c in text)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }
        if (nul < 0 && end - start == limit)
        {
            sb.Append('…');
        }
        return sb.ToString();
    }

    private static string CharLiteral(byte b) => b switch
    {
        0 => "'\\0'",
        (byte)'\n' => "'\\n'",
        (byte)'\'' => "'\\''",
        _ when b is >= 0x20 and < 0x7f => $"'{(char)b}'",
        _ => $"'\\x{b:x2}'",
    };
}
