using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Wit.Runtime.Canonical;
using Wit.Runtime.Component;
using Wit.Runtime.Text;

namespace Wit.Runtime.Tests.Components;

/// <summary>One directive of a component-model <c>.wast</c> script, with its component's text when it has one.</summary>
internal sealed record ScriptDirective(string File, int Line, string Kind, string? Id, string? DefinitionId, WastComponent? Component, SExpr? Form, string Source)
{
    public override string ToString() => $"{File}:{Line} {Kind}";
}

/// <summary>
/// Reads the directives of the component model's scripts in order (<c>component</c>, <c>component definition</c>,
/// <c>component instance</c>, <c>assert_return</c>, <c>assert_trap</c>, <c>invoke</c>, <c>assert_invalid</c>) and
/// turns the scripts' value constants (<c>u32.const</c>, <c>str.const</c>, <c>record.const</c>, ...) into
/// <see cref="ComponentValue"/>s by the function's types.
/// </summary>
internal static class ComponentScript
{
    public static List<ScriptDirective> Read(string file, string text)
    {
        var result = new List<ScriptDirective>();
        bool asyncFile = file.StartsWith("async/", StringComparison.Ordinal);
        foreach (var (start, end) in ComponentWast.TopLevel(text, 0, text.Length))
        {
            if (text[start] != '(') continue;
            string head = ComponentWast.Head(text, start);
            int line = 1 + text.AsSpan(0, start).Count('\n');
            string source = text[start..end];
            if (head == "component")
            {
                var parts = ComponentWast.TopLevel(text, start + 1, end - 1);
                var words = parts.Skip(1).TakeWhile(p => text[p.Start] != '(' && text[p.Start] != '"').Select(p => text[p.Start..p.End]).ToList();
                string? id = words.FirstOrDefault(w => w.StartsWith('$'));
                if (words.Contains("instance"))
                {
                    var ids = words.Where(w => w.StartsWith('$')).ToList();
                    result.Add(new ScriptDirective(file, line, "instance", ids[0], ids.Count > 1 ? ids[1] : null, null, null, source));
                    continue;
                }

                var component = ComponentWast.Component(file, text, start, end, WastExpectation.Valid, null, asyncFile);
                result.Add(new ScriptDirective(file, line, words.Contains("definition") ? "definition" : "component", id, null, component, null, source));
                continue;
            }

            var form = SExprReader.Read(Encoding.UTF8.GetBytes(source))[0];
            WastComponent? inner = null;
            if (form.Items.Count > 1 && form.Items[1].Head == "component")
            {
                var parts = ComponentWast.TopLevel(text, start + 1, end - 1);
                inner = ComponentWast.Component(file, text, parts[1].Start, parts[1].End, head == "assert_invalid" ? WastExpectation.Invalid : WastExpectation.Valid, null, asyncFile);
            }

            result.Add(new ScriptDirective(file, line, head, null, null, inner, form, source));
        }

        return result;
    }

    /// <summary>A script constant as a value of <paramref name="type"/>.</summary>
    public static ComponentValue Value(SExpr e, ValueTypeDef type) => Value(e.Head, e.Items.Skip(1).ToList(), type);

    private static ComponentValue Value(string head, List<SExpr> args, ValueTypeDef type)
    {
        switch (head)
        {
            case "bool.const": return ComponentValue.Bool(args[0].Text == "true");
            case "s8.const": return ComponentValue.S8((sbyte)Integer(args[0], signed: true));
            case "s16.const": return ComponentValue.S16((short)Integer(args[0], signed: true));
            case "s32.const": return ComponentValue.S32((int)Integer(args[0], signed: true));
            case "s64.const": return ComponentValue.S64((long)Integer(args[0], signed: true));
            case "u8.const": return ComponentValue.U8((byte)Integer(args[0], signed: false));
            case "u16.const": return ComponentValue.U16((ushort)Integer(args[0], signed: false));
            case "u32.const": return ComponentValue.U32((uint)Integer(args[0], signed: false));
            case "u64.const": return ComponentValue.U64(Integer(args[0], signed: false));
            case "f32.const": return ComponentValue.F32((float)Float(args[0]));
            case "f64.const": return ComponentValue.F64(Float(args[0]));
            case "char.const": return ComponentValue.Char(char.ConvertToUtf32(Str(args[0]), 0));
            case "str.const": return ComponentValue.String(Str(args[0]));
            case "list.const":
                {
                    var element = ((ListTypeDef)type).Element;
                    return ComponentValue.List(args.Select(a => Value(a, element)).ToArray());
                }
            case "tuple.const":
                {
                    var types = ((TupleTypeDef)type).Types;
                    return ComponentValue.Record(args.Select((a, i) => Value(a, types[i])).ToArray());
                }
            case "record.const":
                {
                    var fields = ((RecordTypeDef)type).Fields;
                    var values = new ComponentValue[fields.Count];
                    foreach (var field in args)
                    {
                        string name = Str(field.Items[1]);
                        int i = fields.ToList().FindIndex(f => f.Name == name);
                        values[i] = field.Items[2].IsList
                            ? Value(field.Items[2], fields[i].Type)
                            : Value(field.Items[2].Text, field.Items.Skip(3).ToList(), fields[i].Type);
                    }

                    return ComponentValue.Record(values);
                }
            case "variant.const":
                {
                    string name = Str(args[0]);
                    var (index, payload) = CaseOf(type, name);
                    return ComponentValue.Case(index, payload is null || args.Count < 2 ? null : Value(args[1], payload));
                }
            case "option.none":
                return ComponentValue.None;
            case "option.some":
                return ComponentValue.Some(Value(args[0], ((OptionTypeDef)type).Type));
            case "result.ok":
                return ComponentValue.Ok(args.Count == 0 ? null : Value(args[0], ((ResultTypeDef)type).Ok!));
            case "result.err":
                return ComponentValue.Err(args.Count == 0 ? null : Value(args[0], ((ResultTypeDef)type).Error!));
            case "enum.const":
                return ComponentValue.Case((uint)((EnumTypeDef)type).Names.ToList().IndexOf(Str(args[0])));
            case "flags.const":
                {
                    var names = ((FlagsTypeDef)type).Names.ToList();
                    uint mask = 0;
                    foreach (var a in args) mask |= 1u << names.IndexOf(Str(a));
                    return ComponentValue.Flags(mask);
                }
            default:
                throw new NotSupportedException($"no script constant `{head}`");
        }
    }

    private static (uint Index, ValueTypeDef? Payload) CaseOf(ValueTypeDef type, string name)
    {
        switch (type)
        {
            case VariantTypeDef v:
                {
                    int i = v.Cases.ToList().FindIndex(c => c.Name == name);
                    if (i < 0) throw new NotSupportedException($"no case `{name}`");
                    return ((uint)i, v.Cases[i].Type);
                }
            case OptionTypeDef o:
                return name == "none" ? (0u, null) : (1u, o.Type);
            case ResultTypeDef r:
                return name == "ok" ? (0u, r.Ok) : (1u, r.Error);
            default:
                throw new NotSupportedException($"variant.const of {type}");
        }
    }

    private static string Str(SExpr e) => e.Bytes is { } b ? Encoding.UTF8.GetString(b) : e.Text;

    private static ulong Integer(SExpr e, bool signed)
    {
        string t = e.Text.Replace("_", "");
        bool negative = t.StartsWith('-');
        if (negative || t.StartsWith('+')) t = t[1..];
        ulong magnitude = t.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.Parse(t[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : ulong.Parse(t, CultureInfo.InvariantCulture);
        return negative ? unchecked(0 - magnitude) : magnitude;
    }

    private static double Float(SExpr e)
    {
        string t = e.Text.Replace("_", "");
        return t switch
        {
            "nan" or "+nan" or "-nan" => double.NaN,
            "inf" or "+inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            _ => double.Parse(t, CultureInfo.InvariantCulture),
        };
    }
}
