using System;
using System.Globalization;
using System.Text;
using Wit.Runtime.Binary;
using Wit.Runtime.Canonical;
using Wit.Runtime.Component;
using Wit.Runtime.Execution;

namespace Wit.DebugAdapter.Session;

/// <summary>What an <see cref="ExprValue"/> holds.</summary>
internal enum ExprKind
{
    /// <summary>A wasm value (a local, global, memory read or C variable); <see cref="ExprValue.Wasm"/>.</summary>
    Wasm,
    /// <summary>A number written in the expression; <see cref="ExprValue.Integer"/> or, when a float, <see cref="ExprValue.Float"/>.</summary>
    Number,
    /// <summary><c>true</c>, <c>false</c> or a condition's outcome; <see cref="ExprValue.Integer"/> 1 or 0.</summary>
    Bool,
    /// <summary>A string literal (<c>"text"</c>); <see cref="ExprValue.Text"/>.</summary>
    String,
    /// <summary>A char literal (<c>'a'</c>); <see cref="ExprValue.Integer"/> its code point.</summary>
    Char,
    /// <summary>A lifted WIT value with its type; <see cref="ExprValue.Wit"/> and <see cref="ExprValue.WitType"/>.</summary>
    Wit,
}

/// <summary>
/// A value of the expression language: a wasm value (core frames), a literal, a condition's outcome, or a lifted WIT
/// value with its type (boundary frames). Comparisons bring both sides to a <see cref="Scalar"/>.
/// </summary>
internal readonly record struct ExprValue(ExprKind Kind, WasmValue Wasm = default, Int128 Integer = default, double Float = 0, bool IsFloat = false,
    string? Text = null, ComponentValue? Wit = null, ValueTypeDef? WitType = null)
{
    public static ExprValue Of(WasmValue v) => new(ExprKind.Wasm, Wasm: v);

    public static ExprValue Of(ComponentValue v, ValueTypeDef type) => new(ExprKind.Wit, Wit: v, WitType: type);

    public static ExprValue Bool(bool b) => new(ExprKind.Bool, Integer: b ? 1 : 0);

    /// <summary>What a comparison reads from a value: a number, bool, char, text or bytes.</summary>
    internal enum ScalarKind
    {
        Integer,
        Float,
        Bool,
        Char,
        Text,
        Bytes,
    }

    internal readonly record struct Scalar(ScalarKind Kind, Int128 Integer, double Float, string? Text, byte[]? Bytes);

    /// <summary>The value as a comparison reads it; <paramref name="shown"/> names it in the error when it has no such form.</summary>
    public Scalar ToScalar(string shown)
    {
        switch (Kind)
        {
            case ExprKind.Wasm:
                return Wasm.Type switch
                {
                    ValType.F32 => new Scalar(ScalarKind.Float, 0, Wasm.AsF32, null, null),
                    ValType.F64 => new Scalar(ScalarKind.Float, 0, Wasm.AsF64, null, null),
                    ValType.I32 => new Scalar(ScalarKind.Integer, Wasm.AsI32, 0, null, null),
                    _ => new Scalar(ScalarKind.Integer, (long)Wasm.Bits, 0, null, null),
                };
            case ExprKind.Number:
                return IsFloat ? new Scalar(ScalarKind.Float, 0, Float, null, null) : new Scalar(ScalarKind.Integer, Integer, 0, null, null);
            case ExprKind.Bool:
                return new Scalar(ScalarKind.Bool, Integer, 0, null, null);
            case ExprKind.Char:
                return new Scalar(ScalarKind.Char, Integer, 0, null, null);
            case ExprKind.String:
                return new Scalar(ScalarKind.Text, 0, 0, Text, null);
        }
        var v = Wit!;
        switch (v.Kind)
        {
            case ComponentValueKind.Bool: return new Scalar(ScalarKind.Bool, v.Bits != 0 ? 1 : 0, 0, null, null);
            case ComponentValueKind.S8 or ComponentValueKind.S16 or ComponentValueKind.S32 or ComponentValueKind.S64:
                return new Scalar(ScalarKind.Integer, unchecked((long)v.Bits), 0, null, null);
            case ComponentValueKind.U8 or ComponentValueKind.U16 or ComponentValueKind.U32 or ComponentValueKind.U64
                or ComponentValueKind.Own or ComponentValueKind.Borrow:
                // A handle compares as its rep.
                return new Scalar(ScalarKind.Integer, v.Bits, 0, null, null);
            case ComponentValueKind.F32: return new Scalar(ScalarKind.Float, 0, BitConverter.UInt32BitsToSingle((uint)v.Bits), null, null);
            case ComponentValueKind.F64: return new Scalar(ScalarKind.Float, 0, BitConverter.UInt64BitsToDouble(v.Bits), null, null);
            case ComponentValueKind.Char: return new Scalar(ScalarKind.Char, v.Bits, 0, null, null);
            case ComponentValueKind.String: return new Scalar(ScalarKind.Text, 0, 0, v.Text ?? "", null);
        }
        if (WitType is ListTypeDef { Element: PrimitiveTypeDef { Kind: PrimitiveKind.U8 } })
        {
            var bytes = new byte[v.Items.Count];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)v.Items[i].Bits;
            }
            return new Scalar(ScalarKind.Bytes, 0, 0, null, bytes);
        }
        string hint = WitType switch
        {
            VariantTypeDef or EnumTypeDef or OptionTypeDef or ResultTypeDef => $": test its case with '{shown} is CASE'",
            FlagsTypeDef => $": test a flag with '{shown}.NAME'",
            RecordTypeDef or TupleTypeDef => ": compare its fields",
            ListTypeDef or MapTypeDef => ": compare its length (.len) or its elements ([i])",
            _ => "",
        };
        throw new FormatException($"'{shown}' ({ComponentWit.Type(WitType!)}) does not compare{hint}");
    }

    /// <summary>Whether a lone operand holds: a number other than zero, or true.</summary>
    public bool IsTrue(string shown)
    {
        var s = ToScalar(shown);
        return s.Kind switch
        {
            ScalarKind.Integer or ScalarKind.Bool => s.Integer != 0,
            ScalarKind.Float => s.Float != 0,
            _ => throw new FormatException($"'{shown}' is not a number or a bool: compare it (==, !=, <, ...)"),
        };
    }

    /// <summary>The value as an integer (a memory address, an index), or an error naming <paramref name="shown"/>.</summary>
    public long ToInteger(string shown)
    {
        bool aggregate = Kind == ExprKind.Wit && Wit!.Kind is ComponentValueKind.List or ComponentValueKind.Record or ComponentValueKind.Case or ComponentValueKind.Flags;
        var s = aggregate ? default : ToScalar(shown);
        if (!aggregate && s.Kind is ScalarKind.Integer or ScalarKind.Bool or ScalarKind.Char && s.Integer >= long.MinValue && s.Integer <= ulong.MaxValue)
        {
            return unchecked((long)(ulong)(s.Integer & ulong.MaxValue));
        }
        throw new FormatException($"'{shown}' is not an integer");
    }

    /// <summary>
    /// Compares two values with <paramref name="op"/> (<c>== != &lt; &lt;= &gt; &gt;=</c>): numbers as numbers (doubles when
    /// either is a float; a bool is 0 or 1), chars by code point, strings by their UTF-16 code units in order, a
    /// <c>list&lt;u8&gt;</c> with a string as its UTF-8 bytes. Other pairs are an error.
    /// </summary>
    public static bool Compare(ExprValue left, string leftShown, string op, ExprValue right, string rightShown)
    {
        var l = left.ToScalar(leftShown);
        var r = right.ToScalar(rightShown);
        int cmp;
        if (IsNumeric(l.Kind) && IsNumeric(r.Kind))
        {
            if (l.Kind == ScalarKind.Float || r.Kind == ScalarKind.Float)
            {
                double a = l.Kind == ScalarKind.Float ? l.Float : (double)l.Integer, b = r.Kind == ScalarKind.Float ? r.Float : (double)r.Integer;
                if (double.IsNaN(a) || double.IsNaN(b))
                {
                    return op == "!=";
                }
                cmp = a.CompareTo(b);
            }
            else
            {
                cmp = l.Integer.CompareTo(r.Integer);
            }
        }
        else if (l.Kind == ScalarKind.Char && r.Kind == ScalarKind.Char)
        {
            cmp = l.Integer.CompareTo(r.Integer);
        }
        else if (l.Kind == ScalarKind.Text && r.Kind == ScalarKind.Text)
        {
            cmp = string.CompareOrdinal(l.Text, r.Text);
        }
        else if (l.Kind is ScalarKind.Bytes or ScalarKind.Text && r.Kind is ScalarKind.Bytes or ScalarKind.Text)
        {
            cmp = Bytes(l).AsSpan().SequenceCompareTo(Bytes(r));
        }
        else
        {
            throw new FormatException($"'{leftShown}' ({Describe(l.Kind)}) and '{rightShown}' ({Describe(r.Kind)}) do not compare");
        }
        return op switch
        {
            "==" => cmp == 0,
            "!=" => cmp != 0,
            "<" => cmp < 0,
            "<=" => cmp <= 0,
            ">" => cmp > 0,
            _ => cmp >= 0,
        };
    }

    private static bool IsNumeric(ScalarKind k) => k is ScalarKind.Integer or ScalarKind.Float or ScalarKind.Bool;

    private static byte[] Bytes(Scalar s) => s.Bytes ?? Encoding.UTF8.GetBytes(s.Text ?? "");

    private static string Describe(ScalarKind k) => k switch
    {
        ScalarKind.Integer or ScalarKind.Float => "a number",
        ScalarKind.Bool => "a bool",
        ScalarKind.Char => "a char",
        ScalarKind.Text => "a string",
        _ => "a list<u8>",
    };

    /// <summary>
    /// <c>v is CASE</c>: whether a variant, enum, option (<c>none</c>, <c>some</c>) or result (<c>ok</c>, <c>err</c>) is
    /// that case. A name that is not one of the type's cases is an error that lists them.
    /// </summary>
    public bool IsCase(string name, string shown)
    {
        if (Kind != ExprKind.Wit || Wit!.Kind != ComponentValueKind.Case)
        {
            throw new FormatException($"'{shown}' is not a variant, enum, option or result: 'is' tests their cases");
        }
        var cases = CaseNames(WitType!);
        int index = Array.IndexOf(cases, name);
        if (index < 0)
        {
            throw new FormatException($"'{shown}' ({ComponentWit.Type(WitType!)}) has no case '{name}' (its cases: {string.Join(", ", cases)})");
        }
        return Wit.Bits == (ulong)index;
    }

    /// <summary>The case names of a variant, enum, option or result type, by index.</summary>
    public static string[] CaseNames(ValueTypeDef type) => type switch
    {
        VariantTypeDef v => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(v.Cases, c => c.Name)),
        EnumTypeDef e => System.Linq.Enumerable.ToArray(e.Names),
        OptionTypeDef => new[] { "none", "some" },
        ResultTypeDef => new[] { "ok", "err" },
        _ => Array.Empty<string>(),
    };

    /// <summary>The text a WIT-side <c>evaluate</c> shows for a literal or a condition's outcome.</summary>
    public string FormatLiteral() => Kind switch
    {
        ExprKind.Bool => Integer != 0 ? "true" : "false",
        ExprKind.Char => "'" + char.ConvertFromUtf32((int)Integer) + "'",
        ExprKind.String => "\"" + Text + "\"",
        _ => IsFloat ? Float.ToString("R", CultureInfo.InvariantCulture) : Integer.ToString(CultureInfo.InvariantCulture),
    };
}
