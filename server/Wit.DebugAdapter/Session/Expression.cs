using System;
using System.Collections.Generic;
using System.Globalization;
using Wit.Runtime.Binary;
using Wit.Runtime.Execution;

namespace Wit.DebugAdapter.Session;

/// <summary>What an expression can read at a stop: named values of the frame and memory.</summary>
internal interface IValueScope
{
    /// <summary>A local (<c>$name</c>, <c>name</c>, <c>localN</c>) or global (<c>globalN</c>) of the frame, or null.</summary>
    WasmValue? Lookup(string name);

    /// <summary>Memory 0's bytes, or null when the instance has no memory.</summary>
    byte[]? Memory { get; }
}

/// <summary>
/// The small expression language of breakpoint conditions and <c>evaluate</c>: operands are numbers (decimal, or hex
/// with <c>0x</c>), names of locals (<c>$x</c>, <c>x</c>, <c>local0</c>) and globals (<c>global0</c>), and memory
/// reads (<c>i32[addr]</c>, <c>i64[addr]</c>, <c>u8[addr]</c>, <c>f32[addr]</c>, <c>f64[addr]</c>, the address an operand
/// without brackets); comparisons (<c>== != &lt; &lt;= &gt; &gt;=</c>) between two operands; <c>&amp;&amp;</c> and
/// <c>||</c> between comparisons (<c>&amp;&amp;</c> first). Names may be C paths over the frame's DWARF variables
/// (<c>total</c>, <c>p.x</c>, <c>n-&gt;next</c>, <c>a[2]</c>, <c>*p</c>; see <see cref="CExpression"/>), which a C variable
/// of that name answers before a wasm local does. No parentheses, so parsing and evaluating never nest.
/// Integers compare as signed 64-bit values, floats as doubles.
/// </summary>
internal sealed class Expression
{
    private readonly List<List<Comparison>> _disjuncts;

    private Expression(List<List<Comparison>> disjuncts) => _disjuncts = disjuncts;

    private readonly record struct Operand(string? Name, string? MemoryType, string? Address, double Number, bool IsFloat);

    private readonly record struct Comparison(Operand Left, string? Op, Operand Right);

    /// <summary>Parses <paramref name="text"/>; the error says what is wrong (for the breakpoint's message).</summary>
    public static Expression Parse(string text)
    {
        var tokens = Tokenize(text);
        if (tokens.Count == 0)
        {
            throw new FormatException("the expression is empty");
        }
        var disjuncts = new List<List<Comparison>> { new() };
        int i = 0;
        while (true)
        {
            var left = ParseOperand(tokens, ref i);
            string? op = null;
            Operand right = default;
            if (i < tokens.Count && tokens[i] is "==" or "!=" or "<" or "<=" or ">" or ">=")
            {
                op = tokens[i++];
                right = ParseOperand(tokens, ref i);
            }
            disjuncts[^1].Add(new Comparison(left, op, right));
            if (i == tokens.Count)
            {
                break;
            }
            if (tokens[i] == "&&")
            {
                i++;
            }
            else if (tokens[i] == "||")
            {
                i++;
                disjuncts.Add(new List<Comparison>());
            }
            else
            {
                throw new FormatException($"unexpected '{tokens[i]}'");
            }
        }
        return new Expression(disjuncts);
    }

    /// <summary>Whether the expression holds (a lone operand holds when it is not zero).</summary>
    public bool IsTrue(IValueScope scope)
    {
        foreach (var conjunction in _disjuncts)
        {
            bool all = true;
            foreach (var c in conjunction)
            {
                if (!Holds(c, scope))
                {
                    all = false;
                    break;
                }
            }
            if (all)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The value of a one-operand expression (typed), or of a condition (an i32 0 or 1).</summary>
    public WasmValue Evaluate(IValueScope scope)
    {
        if (_disjuncts.Count == 1 && _disjuncts[0].Count == 1 && _disjuncts[0][0].Op == null)
        {
            return Value(_disjuncts[0][0].Left, scope);
        }
        return WasmValue.I32(IsTrue(scope) ? 1 : 0);
    }

    private static bool Holds(Comparison c, IValueScope scope)
    {
        var l = Value(c.Left, scope);
        if (c.Op == null)
        {
            return l.Bits != 0;
        }
        var r = Value(c.Right, scope);
        int cmp;
        if (IsFloat(l) || IsFloat(r))
        {
            double a = AsDouble(l), b = AsDouble(r);
            if (double.IsNaN(a) || double.IsNaN(b))
            {
                return c.Op == "!=";
            }
            cmp = a.CompareTo(b);
        }
        else
        {
            cmp = AsLong(l).CompareTo(AsLong(r));
        }
        return c.Op switch
        {
            "==" => cmp == 0,
            "!=" => cmp != 0,
            "<" => cmp < 0,
            "<=" => cmp <= 0,
            ">" => cmp > 0,
            _ => cmp >= 0,
        };
    }

    private static bool IsFloat(WasmValue v) => v.Type is ValType.F32 or ValType.F64;

    private static double AsDouble(WasmValue v) => v.Type switch
    {
        ValType.F32 => v.AsF32,
        ValType.F64 => v.AsF64,
        _ => AsLong(v),
    };

    private static long AsLong(WasmValue v) => v.Type == ValType.I32 ? v.AsI32 : (long)v.Bits;

    private static WasmValue Value(Operand o, IValueScope scope)
    {
        if (o.MemoryType != null)
        {
            var addressValue = Name(o.Address!, scope);
            long address = AsLong(addressValue);
            var memory = scope.Memory ?? throw new FormatException("the instance has no memory");
            int size = o.MemoryType switch { "u8" or "i8" => 1, "u16" or "i16" => 2, "i32" or "u32" or "f32" => 4, _ => 8 };
            if (address < 0 || address > memory.Length - size)
            {
                throw new FormatException($"address {address} is outside memory ({memory.Length} bytes)");
            }
            var span = memory.AsSpan((int)address, size);
            return o.MemoryType switch
            {
                "u8" => WasmValue.I32(span[0]),
                "i8" => WasmValue.I32((sbyte)span[0]),
                "u16" => WasmValue.I32(BitConverter.ToUInt16(span)),
                "i16" => WasmValue.I32(BitConverter.ToInt16(span)),
                "i32" or "u32" => WasmValue.I32(BitConverter.ToInt32(span)),
                "f32" => new WasmValue(ValType.F32, BitConverter.ToUInt32(span)),
                "f64" => new WasmValue(ValType.F64, BitConverter.ToUInt64(span)),
                _ => WasmValue.I64(BitConverter.ToInt64(span)),
            };
        }
        if (o.Name != null)
        {
            return Name(o.Name, scope);
        }
        return o.IsFloat ? WasmValue.F64(o.Number) : WasmValue.I64((long)o.Number);
    }

    private static WasmValue Name(string token, IValueScope scope)
    {
        if (TryNumber(token, out double n, out bool isFloat))
        {
            return isFloat ? WasmValue.F64(n) : WasmValue.I64((long)n);
        }
        return scope.Lookup(token) ?? throw new FormatException($"no local or global named '{token}' here");
    }

    private static readonly HashSet<string> MemoryTypes = new(StringComparer.Ordinal) { "u8", "i8", "u16", "i16", "i32", "u32", "i64", "u64", "f32", "f64" };

    private static Operand ParseOperand(List<string> tokens, ref int i)
    {
        if (i >= tokens.Count)
        {
            throw new FormatException("an operand is missing at the end");
        }
        string t = tokens[i++];
        if (MemoryTypes.Contains(t) && i < tokens.Count && tokens[i] == "[")
        {
            if (i + 2 >= tokens.Count || tokens[i + 2] != "]" || !IsOperandToken(tokens[i + 1]))
            {
                throw new FormatException($"a memory read is written {t}[address], the address a number or a name");
            }
            string address = tokens[i + 1];
            i += 3;
            return new Operand(null, t, address, 0, false);
        }
        if (TryNumber(t, out double n, out bool isFloat))
        {
            return new Operand(null, null, null, n, isFloat);
        }
        if (!IsOperandToken(t))
        {
            throw new FormatException($"expected a number or a name, found '{t}'");
        }
        // A C path's elements and the members after them: a[3], a[i].x, a[1]->next (the scope reads the whole path).
        while (i + 2 < tokens.Count && tokens[i] == "[" && tokens[i + 2] == "]" && IsOperandToken(tokens[i + 1]))
        {
            t += "[" + tokens[i + 1] + "]";
            i += 3;
            while (i < tokens.Count && (tokens[i].StartsWith('.') || tokens[i].StartsWith("->", StringComparison.Ordinal)))
            {
                t += tokens[i++];
            }
        }
        return new Operand(t, null, null, 0, false);
    }

    private static bool IsOperandToken(string t) => t.Length > 0 && (char.IsAsciiLetterOrDigit(t[0]) || t[0] is '$' or '_' or '-' or '.' or '*' or '&');

    private static bool TryNumber(string t, out double value, out bool isFloat)
    {
        isFloat = false;
        value = 0;
        bool negative = t.StartsWith('-');
        string body = negative ? t[1..] : t;
        if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && ulong.TryParse(body.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong hex))
        {
            value = negative ? -(long)hex : (long)hex; // above 2^63 wraps, as C's unsigned-to-signed would
            return true;
        }
        if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
        {
            value = l;
            return true;
        }
        if (body.Length > 0 && char.IsAsciiDigit(body[0]) && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
        {
            value = d;
            isFloat = true;
            return true;
        }
        return false;
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (i + 1 < text.Length && text.Substring(i, 2) is "==" or "!=" or "<=" or ">=" or "&&" or "||")
            {
                tokens.Add(text.Substring(i, 2));
                i += 2;
                continue;
            }
            if (c is '<' or '>' or '[' or ']')
            {
                tokens.Add(c.ToString());
                i++;
                continue;
            }
            int start = i;
            // C paths are names too: prefixes * and & (a lone &), members after '.' and '->'.
            while (i < text.Length && text[i] is '*' or '&')
            {
                i++;
            }
            if (i == start && c == '-')
            {
                i++;
            }
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '$' or '_' or '.'
                || (text[i] == '-' && i + 1 < text.Length && text[i + 1] == '>') || (text[i] == '>' && i > 0 && text[i - 1] == '-')))
            {
                i++;
            }
            if (i == start || (i == start + 1 && c == '-'))
            {
                throw new FormatException($"unexpected '{c}' at column {start + 1}");
            }
            tokens.Add(text[start..i]);
        }
        return tokens;
    }
}
