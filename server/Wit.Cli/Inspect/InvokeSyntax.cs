using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Wit.Runtime;
using Wit.Runtime.Canonical;
using Wit.Runtime.Component;

namespace Wit.Cli.Inspect;

/// <summary>
/// Reads <c>--invoke "name(arg, ...)"</c>: the export's name (<c>iface#name</c> for an interface's function) and its
/// arguments by the function's parameter types: numbers, <c>true</c>/<c>false</c>, <c>'c'</c> for a char,
/// <c>"text"</c> (with <c>\"</c>, <c>\\</c>, <c>\n</c>, <c>\t</c>) for a string, <c>[a, b]</c> for a list or a tuple,
/// <c>none</c> / <c>some(x)</c> for an option. Other types (records, variants, handles) are refused with a usage
/// error; nesting is bounded by the type, whose depth the decoder bounds.
/// </summary>
public static class InvokeSyntax
{
    /// <summary>The name before the parenthesis and the argument text inside (empty when there is none).</summary>
    public static (string Name, string Arguments) Split(string call)
    {
        int open = call.IndexOf('(');
        if (open < 0) return (call.Trim(), "");
        if (!call.TrimEnd().EndsWith(')')) throw Usage($"`{call}` lacks its closing parenthesis");
        return (call[..open].Trim(), call[(open + 1)..call.TrimEnd().LastIndexOf(')')]);
    }

    public static ComponentValue[] Arguments(string text, FuncTypeDef type)
    {
        var reader = new Reader(text);
        var values = new ComponentValue[type.Params.Count];
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0) reader.Expect(',');
            values[i] = reader.Value(type.Params[i].Type);
        }

        reader.SkipSpace();
        if (!reader.AtEnd) throw Usage($"the function takes {values.Length} argument(s); unexpected `{text[reader.Position..]}`");
        return values;
    }

    /// <summary>
    /// <paramref name="value"/> as text by its <paramref name="type"/>, in the syntax <c>--invoke</c> reads where it has
    /// one: <c>ok</c>/<c>err(x)</c>, <c>some(x)</c>/<c>none</c>, case and enum names, <c>{a, b}</c> for flags,
    /// <c>{name: x}</c> for records. Recursion follows the type, whose depth the decoder bounds.
    /// </summary>
    public static string Format(ComponentValue value, ValueTypeDef type)
    {
        string Payload(ValueTypeDef? t) => t is not null && value.Payload is { } p ? "(" + Format(p, t) + ")" : "";
        switch (type)
        {
            case ListTypeDef l when value.Kind == ComponentValueKind.List:
                return "[" + string.Join(", ", value.Items.Select(i => Format(i, l.Element))) + "]";
            case TupleTypeDef t when value.Kind == ComponentValueKind.Record:
                return "[" + string.Join(", ", value.Items.Select((i, k) => Format(i, t.Types[k]))) + "]";
            case RecordTypeDef r when value.Kind == ComponentValueKind.Record:
                return "{" + string.Join(", ", value.Items.Select((i, k) => $"{r.Fields[k].Name}: {Format(i, r.Fields[k].Type)}")) + "}";
            case OptionTypeDef o when value.Kind == ComponentValueKind.Case:
                return value.Bits == 0 ? "none" : "some" + Payload(o.Type);
            case ResultTypeDef r when value.Kind == ComponentValueKind.Case:
                return value.Bits == 0 ? "ok" + Payload(r.Ok) : "err" + Payload(r.Error);
            case VariantTypeDef v when value.Kind == ComponentValueKind.Case && value.Bits < (ulong)v.Cases.Count:
                return v.Cases[(int)value.Bits].Name + Payload(v.Cases[(int)value.Bits].Type);
            case EnumTypeDef e when value.Kind == ComponentValueKind.Case && value.Bits < (ulong)e.Names.Count:
                return e.Names[(int)value.Bits];
            case FlagsTypeDef f when value.Kind == ComponentValueKind.Flags:
                return "{" + string.Join(", ", f.Names.Where((_, k) => k < 64 && (value.Bits & (1UL << k)) != 0)) + "}";
            case PrimitiveTypeDef { Kind: PrimitiveKind.Char } when value.Kind == ComponentValueKind.Char:
                return $"'{char.ConvertFromUtf32((int)value.Bits)}'";
            case PrimitiveTypeDef { Kind: PrimitiveKind.F32 } when value.Kind == ComponentValueKind.F32:
                return BitConverter.UInt32BitsToSingle((uint)value.Bits).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            case PrimitiveTypeDef { Kind: PrimitiveKind.F64 } when value.Kind == ComponentValueKind.F64:
                return BitConverter.UInt64BitsToDouble(value.Bits).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            default:
                return value.ToString();
        }
    }

    private static WasmException Usage(string message) => new(WasmErrorKind.Usage, -1, message);

    private sealed class Reader
    {
        private readonly string _text;

        public Reader(string text) => _text = text;

        public int Position { get; private set; }

        public bool AtEnd => Position >= _text.Length;

        public void SkipSpace()
        {
            while (!AtEnd && char.IsWhiteSpace(_text[Position])) Position++;
        }

        public void Expect(char c)
        {
            SkipSpace();
            if (AtEnd || _text[Position] != c) throw Usage($"expected `{c}` at column {Position + 1} of the arguments");
            Position++;
        }

        private bool Peek(char c)
        {
            SkipSpace();
            return !AtEnd && _text[Position] == c;
        }

        private string Word()
        {
            SkipSpace();
            int start = Position;
            while (!AtEnd && (char.IsLetterOrDigit(_text[Position]) || _text[Position] is '-' or '+' or '.' or '_')) Position++;
            if (start == Position) throw Usage($"expected a value at column {Position + 1} of the arguments");
            return _text[start..Position];
        }

        public ComponentValue Value(ValueTypeDef type)
        {
            switch (type)
            {
                case PrimitiveTypeDef p:
                    return Primitive(p.Kind);
                case ListTypeDef l:
                    {
                        var items = new List<ComponentValue>();
                        Expect('[');
                        while (!Peek(']'))
                        {
                            if (items.Count > 0) Expect(',');
                            items.Add(Value(l.Element));
                        }

                        Expect(']');
                        return ComponentValue.List(items.ToArray());
                    }
                case TupleTypeDef t:
                    {
                        var items = new ComponentValue[t.Types.Count];
                        Expect('[');
                        for (int i = 0; i < items.Length; i++)
                        {
                            if (i > 0) Expect(',');
                            items[i] = Value(t.Types[i]);
                        }

                        Expect(']');
                        return ComponentValue.Record(items);
                    }
                case OptionTypeDef o:
                    {
                        string word = Word();
                        if (word == "none") return ComponentValue.None;
                        if (word != "some") throw Usage($"expected `none` or `some(...)`, found `{word}`");
                        Expect('(');
                        var inner = Value(o.Type);
                        Expect(')');
                        return ComponentValue.Some(inner);
                    }
                default:
                    throw Usage($"arguments of type {ComponentWit.Type(type)} cannot be written on the command line yet");
            }
        }

        private ComponentValue Primitive(PrimitiveKind kind)
        {
            SkipSpace();
            if (kind == PrimitiveKind.String) return ComponentValue.String(Quoted('"'));
            if (kind == PrimitiveKind.Char)
            {
                string c = Quoted('\'');
                if (Rune.DecodeFromUtf16(c, out var rune, out int used) != System.Buffers.OperationStatus.Done || used != c.Length)
                {
                    throw Usage($"'{c}' is not one character");
                }

                return ComponentValue.Char(rune.Value);
            }

            string word = Word();
            var inv = CultureInfo.InvariantCulture;
            try
            {
                return kind switch
                {
                    PrimitiveKind.Bool => word switch { "true" => ComponentValue.Bool(true), "false" => ComponentValue.Bool(false), _ => throw Usage($"`{word}` is not a bool") },
                    PrimitiveKind.S8 => ComponentValue.S8(sbyte.Parse(word, inv)),
                    PrimitiveKind.U8 => ComponentValue.U8(byte.Parse(word, inv)),
                    PrimitiveKind.S16 => ComponentValue.S16(short.Parse(word, inv)),
                    PrimitiveKind.U16 => ComponentValue.U16(ushort.Parse(word, inv)),
                    PrimitiveKind.S32 => ComponentValue.S32(int.Parse(word, inv)),
                    PrimitiveKind.U32 => ComponentValue.U32(uint.Parse(word, inv)),
                    PrimitiveKind.S64 => ComponentValue.S64(long.Parse(word, inv)),
                    PrimitiveKind.U64 => ComponentValue.U64(ulong.Parse(word, inv)),
                    PrimitiveKind.F32 => ComponentValue.F32(float.Parse(word, inv)),
                    _ => ComponentValue.F64(double.Parse(word, inv)),
                };
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                throw Usage($"`{word}` is not a {kind.ToString().ToLowerInvariant()}");
            }
        }

        private string Quoted(char quote)
        {
            if (AtEnd || _text[Position] != quote) throw Usage($"expected {quote} at column {Position + 1} of the arguments");
            Position++;
            var sb = new StringBuilder();
            while (!AtEnd && _text[Position] != quote)
            {
                char c = _text[Position++];
                if (c == '\\' && !AtEnd)
                {
                    char e = _text[Position++];
                    sb.Append(e switch { 'n' => '\n', 't' => '\t', _ => e });
                }
                else
                {
                    sb.Append(c);
                }
            }

            if (AtEnd) throw Usage($"the {quote}-quoted text is not closed");
            Position++;
            return sb.ToString();
        }
    }
}
