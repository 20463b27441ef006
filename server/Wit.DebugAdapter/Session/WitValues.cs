using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Wit.Runtime.Canonical;
using Wit.Runtime.Component;

namespace Wit.DebugAdapter.Session;

/// <summary>A call at a component boundary: the WIT function, its lifted arguments and, once it returned, its result.</summary>
internal sealed record WitBoundary(string Name, FuncTypeDef Type, IReadOnlyList<ComponentValue> Arguments, bool Export)
{
    public bool Returned { get; init; }

    public ComponentValue? Result { get; init; }
}

/// <summary>
/// One-line text of lifted WIT values by their type: strings quoted, a <c>list&lt;u8&gt;</c> as its length and its text
/// (or bytes), records with their field names, variants and enums by case name, handles with their resource and rep.
/// Bounded: at most <see cref="MaxItems"/> elements a list, <see cref="MaxText"/> characters, <see cref="MaxDepth"/> levels.
/// </summary>
internal static class WitValues
{
    public const int MaxItems = 32, MaxText = 200, MaxDepth = 16;

    public static string Format(ComponentValue value, ValueTypeDef type)
    {
        var sb = new StringBuilder();
        Append(sb, value, type, 0);
        return sb.Length > MaxText * 2 ? sb.ToString(0, MaxText * 2) + "…" : sb.ToString();
    }

    private static void Append(StringBuilder sb, ComponentValue v, ValueTypeDef type, int depth)
    {
        if (depth > MaxDepth || sb.Length > MaxText * 2)
        {
            sb.Append('…');
            return;
        }
        switch (type)
        {
            case PrimitiveTypeDef:
                AppendPrimitive(sb, v);
                break;
            case ListTypeDef { Element: PrimitiveTypeDef { Kind: PrimitiveKind.U8 } }:
                AppendBytes(sb, v);
                break;
            case ListTypeDef list:
                AppendItems(sb, '[', ']', v.Items, i => list.Element, null, depth);
                break;
            case MapTypeDef map:
                AppendItems(sb, '{', '}', v.Items, i => new TupleTypeDef { Types = new[] { map.Key, map.Value } }, null, depth);
                break;
            case RecordTypeDef record:
                AppendItems(sb, '{', '}', v.Items, i => record.Fields[i].Type, i => record.Fields[i].Name, depth);
                break;
            case TupleTypeDef tuple:
                AppendItems(sb, '(', ')', v.Items, i => tuple.Types[i], null, depth);
                break;
            case FlagsTypeDef flags:
                var set = new List<string>();
                for (int i = 0; i < flags.Names.Count && i < 64; i++)
                {
                    if ((v.Bits >> i & 1) != 0) set.Add(flags.Names[i]);
                }
                sb.Append('{').Append(string.Join(", ", set)).Append('}');
                break;
            case EnumTypeDef e:
                sb.Append(v.Bits < (ulong)e.Names.Count ? e.Names[(int)v.Bits] : $"#{v.Bits}");
                break;
            case VariantTypeDef variant:
                AppendCase(sb, v, v.Bits < (ulong)variant.Cases.Count ? variant.Cases[(int)v.Bits].Name : $"#{v.Bits}",
                    v.Bits < (ulong)variant.Cases.Count ? variant.Cases[(int)v.Bits].Type : null, depth);
                break;
            case OptionTypeDef option:
                AppendCase(sb, v, v.Bits == 0 ? "none" : "some", v.Bits == 0 ? null : option.Type, depth);
                break;
            case ResultTypeDef result:
                AppendCase(sb, v, v.Bits == 0 ? "ok" : "err", v.Bits == 0 ? result.Ok : result.Error, depth);
                break;
            case HandleTypeDef handle:
                sb.Append(handle.IsBorrow ? "borrow<" : "own<").Append(handle.Resource.Root.Name ?? handle.Resource.Name ?? "resource")
                    .Append("> rep ").Append(v.Bits.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                AppendPrimitive(sb, v);
                break;
        }
    }

    private static void AppendCase(StringBuilder sb, ComponentValue v, string name, ValueTypeDef? payload, int depth)
    {
        sb.Append(name);
        if (payload != null && v.Items.Count > 0)
        {
            sb.Append('(');
            Append(sb, v.Items[0], payload, depth + 1);
            sb.Append(')');
        }
    }

    private static void AppendItems(StringBuilder sb, char open, char close, IReadOnlyList<ComponentValue> items, Func<int, ValueTypeDef> typeOf, Func<int, string>? nameOf, int depth)
    {
        sb.Append(open);
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            if (i >= MaxItems)
            {
                sb.Append($"… {items.Count - i} more");
                break;
            }
            if (nameOf != null) sb.Append(nameOf(i)).Append(": ");
            Append(sb, items[i], typeOf(i), depth + 1);
        }
        sb.Append(close);
    }

    /// <summary>A <c>list&lt;u8&gt;</c>: its length, and its text when it is printable UTF-8, else its first bytes in hex.</summary>
    private static void AppendBytes(StringBuilder sb, ComponentValue v)
    {
        var bytes = new byte[v.Items.Count];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)v.Items[i].Bits;
        sb.Append(bytes.Length.ToString(CultureInfo.InvariantCulture)).Append(" bytes ");
        string? text = null;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
        }
        if (text != null && !text.AsSpan().ContainsAnyInRange('\0', '\u0008'))
        {
            Quote(sb, text);
        }
        else
        {
            sb.Append(Convert.ToHexString(bytes, 0, Math.Min(bytes.Length, MaxItems)).ToLowerInvariant()).Append(bytes.Length > MaxItems ? "…" : "");
        }
    }

    private static void Quote(StringBuilder sb, string text)
    {
        sb.Append('"');
        foreach (char c in text.Length > MaxText ? text[..MaxText] : text)
        {
            sb.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", '"' => "\\\"", '\\' => "\\\\", _ => c.ToString() });
        }
        sb.Append(text.Length > MaxText ? "\"…" : "\"");
    }

    private static void AppendPrimitive(StringBuilder sb, ComponentValue v)
    {
        switch (v.Kind)
        {
            case ComponentValueKind.Bool: sb.Append(v.Bits != 0 ? "true" : "false"); break;
            case ComponentValueKind.S8 or ComponentValueKind.S16 or ComponentValueKind.S32 or ComponentValueKind.S64: sb.Append(unchecked((long)v.Bits).ToString(CultureInfo.InvariantCulture)); break;
            case ComponentValueKind.F32: sb.Append(BitConverter.UInt32BitsToSingle((uint)v.Bits).ToString("R", CultureInfo.InvariantCulture)); break;
            case ComponentValueKind.F64: sb.Append(BitConverter.UInt64BitsToDouble(v.Bits).ToString("R", CultureInfo.InvariantCulture)); break;
            case ComponentValueKind.Char: sb.Append('\'').Append(char.ConvertFromUtf32((int)v.Bits)).Append('\''); break;
            case ComponentValueKind.String: Quote(sb, v.Text ?? ""); break;
            default: sb.Append(v.Bits.ToString(CultureInfo.InvariantCulture)); break;
        }
    }
}
