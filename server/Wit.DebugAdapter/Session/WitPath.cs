using System;
using System.Collections.Generic;
using System.Globalization;
using Wit.Runtime.Canonical;
using Wit.Runtime.Component;

namespace Wit.DebugAdapter.Session;

/// <summary>
/// Paths over the lifted values of a WIT boundary, for conditions and <c>evaluate</c> at a <c>[wit]</c> frame: a
/// parameter's name (<c>contents</c>, <c>self</c>; once the call returned, <c>result</c> names its result unless a
/// parameter has that name), then steps: <c>.field</c> of a record, <c>.0</c> of a tuple, <c>.CASE</c> the payload of a
/// variant, option (<c>.some</c>) or result (<c>.ok</c>, <c>.err</c>) that is that case, <c>.FLAG</c> of flags (a bool),
/// <c>.len</c> of a list, map or string (a string's length in chars), <c>.rep</c> of a handle, <c>[i]</c> an element of
/// a list or map or a char of a string (<c>i</c> a number or an integer parameter). One left-to-right pass over at most
/// <see cref="MaxSteps"/> steps, as <see cref="CExpression"/> does for C paths.
/// </summary>
internal static class WitPath
{
    public const int MaxSteps = 64;

    /// <summary>
    /// The value of <paramref name="text"/>, or null when it does not start with a name of the boundary (a parameter,
    /// or <c>result</c> once returned). A path that starts with one but is wrong throws <see cref="FormatException"/>.
    /// </summary>
    public static ExprValue? Evaluate(string text, WitBoundary boundary) => Evaluate(text.Trim(), boundary, allowIndex: true);

    /// <summary>The name a path starts with (for messages).</summary>
    public static string Root(string text)
    {
        string s = text.Trim();
        int i = 0;
        string root = Identifier(s, ref i);
        return root.Length > 0 ? root : s;
    }

    /// <summary>The names the boundary answers, for the message about an unknown one.</summary>
    public static string Names(WitBoundary boundary)
    {
        var names = new List<string>();
        foreach (var p in boundary.Type.Params)
        {
            names.Add(p.Name);
        }
        if (boundary.Returned && boundary.Result != null && boundary.Type.Result != null && !names.Contains("result"))
        {
            names.Add("result");
        }
        return names.Count == 0 ? "it has none" : string.Join(", ", names);
    }

    private static ExprValue? Evaluate(string s, WitBoundary boundary, bool allowIndex)
    {
        int i = 0;
        string root = Identifier(s, ref i);
        if (root.Length == 0 || Root(root, boundary) is not { } value)
        {
            return null;
        }
        string shown = root;
        for (int steps = 0; i < s.Length; steps++)
        {
            if (steps >= MaxSteps)
            {
                throw new FormatException($"more than {MaxSteps} members and elements");
            }
            if (s[i] == '.')
            {
                i++;
                string member = Identifier(s, ref i);
                if (member.Length == 0)
                {
                    throw new FormatException($"a name is missing after '{shown}.'");
                }
                value = Member(value, member, shown);
                shown += "." + member;
            }
            else if (s[i] == '[' && allowIndex)
            {
                int close = s.IndexOf(']', i);
                if (close < 0)
                {
                    throw new FormatException("a '[' without its ']'");
                }
                long index = Index(s[(i + 1)..close].Trim(), boundary);
                i = close + 1;
                value = Element(value, index, shown);
                shown += $"[{index}]";
            }
            else
            {
                throw new FormatException($"unexpected '{s[i]}' after '{shown}'");
            }
        }
        return value;
    }

    private static ExprValue? Root(string name, WitBoundary boundary)
    {
        var parameters = boundary.Type.Params;
        for (int p = 0; p < parameters.Count && p < boundary.Arguments.Count; p++)
        {
            if (parameters[p].Name == name)
            {
                return ExprValue.Of(boundary.Arguments[p], parameters[p].Type);
            }
        }
        if (name == "result" && boundary.Returned && boundary.Result is { } result && boundary.Type.Result is { } type)
        {
            return ExprValue.Of(result, type);
        }
        return null;
    }

    /// <summary>A WIT identifier (kebab-case) or a tuple's field number.</summary>
    private static string Identifier(string s, ref int i)
    {
        int start = i;
        while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || (s[i] == '-' && i > start && i + 1 < s.Length && char.IsAsciiLetterOrDigit(s[i + 1]))))
        {
            i++;
        }
        return s[start..i];
    }

    private static long Index(string text, WitBoundary boundary)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n))
        {
            return n;
        }
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long hex))
        {
            return hex;
        }
        // An index from another value of the boundary: a path without brackets, so this never nests.
        if (Evaluate(text, boundary, allowIndex: false) is { } v)
        {
            return v.ToInteger(text);
        }
        throw new FormatException($"an index is a number or an integer value of the call, not '{text}'");
    }

    private static ExprValue U32(long n) => ExprValue.Of(ComponentValue.U32((uint)Math.Min(n, uint.MaxValue)), PrimitiveTypeDef.Of(PrimitiveKind.U32));

    private static ExprValue Member(ExprValue value, string member, string shown)
    {
        var v = value.Wit!;
        var type = value.WitType!;
        switch (type)
        {
            case RecordTypeDef record:
                for (int f = 0; f < record.Fields.Count && f < v.Items.Count; f++)
                {
                    if (record.Fields[f].Name == member)
                    {
                        return ExprValue.Of(v.Items[f], record.Fields[f].Type);
                    }
                }
                throw new FormatException($"'{shown}' has no field '{member}' (its fields: {string.Join(", ", System.Linq.Enumerable.Select(record.Fields, f => f.Name))})");
            case TupleTypeDef tuple:
                if (int.TryParse(member, NumberStyles.None, CultureInfo.InvariantCulture, out int k) && k < tuple.Types.Count && k < v.Items.Count)
                {
                    return ExprValue.Of(v.Items[k], tuple.Types[k]);
                }
                throw new FormatException($"'{shown}' is a tuple of {tuple.Types.Count}: its fields are .0 to .{tuple.Types.Count - 1}");
            case FlagsTypeDef flags:
                int bit = IndexOf(flags.Names, member);
                if (bit < 0)
                {
                    throw new FormatException($"'{shown}' has no flag '{member}' (its flags: {string.Join(", ", flags.Names)})");
                }
                return ExprValue.Of(ComponentValue.Bool(bit < 64 && (v.Bits >> bit & 1) != 0), PrimitiveTypeDef.Of(PrimitiveKind.Bool));
            case HandleTypeDef when member == "rep":
                return U32((long)v.Bits);
            case ListTypeDef or MapTypeDef when member == "len":
                return U32(v.Items.Count);
            case PrimitiveTypeDef { Kind: PrimitiveKind.String } when member == "len":
                int runes = 0;
                foreach (var _ in (v.Text ?? "").EnumerateRunes())
                {
                    runes++;
                }
                return U32(runes);
            case VariantTypeDef or OptionTypeDef or ResultTypeDef:
                var cases = ExprValue.CaseNames(type);
                int index = Array.IndexOf(cases, member);
                if (index < 0)
                {
                    throw new FormatException($"'{shown}' has no case '{member}' (its cases: {string.Join(", ", cases)})");
                }
                if (v.Bits != (ulong)index)
                {
                    throw new FormatException($"'{shown}' is {(v.Bits < (ulong)cases.Length ? cases[v.Bits] : "#" + v.Bits)}, not {member}");
                }
                var payload = type switch
                {
                    VariantTypeDef variant => variant.Cases[index].Type,
                    OptionTypeDef option => option.Type,
                    ResultTypeDef r => index == 0 ? r.Ok : r.Error,
                    _ => null,
                };
                if (payload == null || v.Items.Count == 0)
                {
                    throw new FormatException($"'{shown}' is {member}, which carries no value");
                }
                return ExprValue.Of(v.Items[0], payload);
        }
        string what = type switch
        {
            HandleTypeDef => "a handle has .rep",
            ListTypeDef or MapTypeDef or PrimitiveTypeDef { Kind: PrimitiveKind.String } => "it has .len",
            _ => "it has no members",
        };
        throw new FormatException($"'{shown}' ({ComponentWit.Type(type)}) has no .{member}: {what}");
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }
        return -1;
    }

    private static ExprValue Element(ExprValue value, long index, string shown)
    {
        var v = value.Wit!;
        switch (value.WitType)
        {
            case ListTypeDef list:
                return ExprValue.Of(v.Items[CheckIndex(index, v.Items.Count, shown)], list.Element);
            case MapTypeDef map:
                return ExprValue.Of(v.Items[CheckIndex(index, v.Items.Count, shown)], new TupleTypeDef { Types = new[] { map.Key, map.Value } });
            case PrimitiveTypeDef { Kind: PrimitiveKind.String }:
                // One pass up to the char, without a copy of the string.
                int count = 0;
                foreach (var rune in (v.Text ?? "").EnumerateRunes())
                {
                    if (count++ == index)
                    {
                        return ExprValue.Of(ComponentValue.Char(rune.Value), PrimitiveTypeDef.Of(PrimitiveKind.Char));
                    }
                }
                throw Outside(index, count, shown);
        }
        throw new FormatException($"'{shown}' ({ComponentWit.Type(value.WitType!)}) is not a list, map or string");
    }

    private static int CheckIndex(long index, int count, string shown) => index >= 0 && index < count ? (int)index : throw Outside(index, count, shown);

    private static FormatException Outside(long index, int count, string shown) => new($"index {index} is outside {shown}'s {count} elements");
}
