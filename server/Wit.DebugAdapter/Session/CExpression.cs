using System;
using System.Globalization;
using Wit.DebugAdapter.Dwarf;
using Wit.DebugAdapter.Wasm;

namespace Wit.DebugAdapter.Session;

/// <summary>
/// C paths over the DWARF variables of a frame, for <c>evaluate</c> (watch, hover, the Debug Console) and breakpoint
/// conditions: a variable name, then members (<c>s.field</c>, <c>p-&gt;field</c>) and elements (<c>a[3]</c>,
/// <c>a[i]</c> with a C variable or a number inside), after at most <see cref="MaxPrefixes"/> prefixes <c>*</c>
/// (dereference) and <c>&amp;</c> (address). No parentheses and no operators: one left-to-right pass over at most
/// <see cref="MaxSteps"/> steps, nothing nests.
/// </summary>
internal static class CExpression
{
    public const int MaxPrefixes = 16, MaxSteps = 64;

    /// <summary>
    /// The value of <paramref name="text"/>, or null when it does not start with a C variable of the frame (then it is
    /// not a C path: the caller tries the wasm names). A path that starts with one but is wrong throws
    /// <see cref="FormatException"/> with what is wrong.
    /// </summary>
    public static CValue? Evaluate(string text, ProgramImage image, int modulePc, IWasmFrameState state)
    {
        string s = text.Trim();
        int i = 0;
        var prefixes = new System.Collections.Generic.List<char>();
        while (i < s.Length && (s[i] is '*' or '&' || char.IsWhiteSpace(s[i])))
        {
            if (!char.IsWhiteSpace(s[i]))
            {
                if (prefixes.Count >= MaxPrefixes)
                {
                    throw new FormatException($"more than {MaxPrefixes} '*' and '&'");
                }
                prefixes.Add(s[i]);
            }
            i++;
        }
        string root = Identifier(s, ref i);
        if (root.Length == 0 || char.IsAsciiDigit(root[0]) || CVariables.Find(image, modulePc, state, root) is not { } value)
        {
            return null;
        }
        var memory = state.Memory;
        string shown = root;
        for (int steps = 0; i < s.Length; steps++)
        {
            if (steps >= MaxSteps)
            {
                throw new FormatException($"more than {MaxSteps} members and elements");
            }
            if (char.IsWhiteSpace(s[i]))
            {
                i++;
                continue;
            }
            if (s[i] == '.' || (s[i] == '-' && i + 1 < s.Length && s[i + 1] == '>'))
            {
                bool arrow = s[i] == '-';
                i += arrow ? 2 : 1;
                if (arrow)
                {
                    value = Dereference(value, shown, memory);
                }
                string member = Identifier(s, ref i);
                value = Member(value, member, shown);
                shown += (arrow ? "->" : ".") + member;
            }
            else if (s[i] == '[')
            {
                int close = s.IndexOf(']', i);
                if (close < 0)
                {
                    throw new FormatException("a '[' without its ']'");
                }
                long index = Index(s[(i + 1)..close].Trim(), image, modulePc, state);
                i = close + 1;
                value = Element(value, index, shown, memory);
                shown += $"[{index}]";
            }
            else
            {
                throw new FormatException($"unexpected '{s[i]}' after '{shown}'");
            }
        }
        for (int p = prefixes.Count - 1; p >= 0; p--)
        {
            value = prefixes[p] == '*' ? Dereference(value, shown, memory) : AddressOf(value, shown);
            shown = prefixes[p] + shown;
        }
        return value;
    }

    /// <summary>Whether <paramref name="text"/> is written as a C path alone (no comparison or logic around it).</summary>
    public static bool IsPath(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool ok = char.IsAsciiLetterOrDigit(c) || char.IsWhiteSpace(c) || c is '_' or '.' or '[' or ']' or '*'
                || (c == '&' && (i + 1 >= text.Length || text[i + 1] != '&') && (i == 0 || text[i - 1] != '&'))
                || (c == '-' && i + 1 < text.Length && text[i + 1] == '>') || (c == '>' && i > 0 && text[i - 1] == '-');
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    private static string Identifier(string s, ref int i)
    {
        int start = i;
        while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '_'))
        {
            i++;
        }
        return s[start..i];
    }

    private static long Index(string text, ProgramImage image, int modulePc, IWasmFrameState state)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long hex))
        {
            return hex;
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n))
        {
            return n;
        }
        int i = 0;
        string name = Identifier(text, ref i);
        if (i == text.Length && name.Length > 0 && CVariables.Find(image, modulePc, state, name) is { } v
            && CVariables.AsWasm(v, state.Memory) is { } w && w.Type is Wit.Runtime.Binary.ValType.I32 or Wit.Runtime.Binary.ValType.I64)
        {
            return w.Type == Wit.Runtime.Binary.ValType.I32 ? w.AsI32 : w.AsI64;
        }
        throw new FormatException($"an index is a number or an integer C variable, not '{text}'");
    }

    private static CValue Member(CValue value, string member, string shown)
    {
        if (value.Type.Kind is not (CTypeKind.Struct or CTypeKind.Union))
        {
            throw new FormatException($"'{shown}' is a {value.Type.Name}, not a struct or union");
        }
        foreach (var m in value.Type.Members)
        {
            if (m.Name == member)
            {
                return value.Location is { InMemory: true, Unavailable: null } l
                    ? new CValue(m.Type, VariableLocation.Memory(l.Value + m.Offset))
                    : new CValue(m.Type, VariableLocation.None(value.Location.Unavailable ?? "not in memory"));
            }
        }
        throw new FormatException($"{value.Type.Name} has no member '{member}'");
    }

    private static CValue Dereference(CValue value, string shown, byte[]? memory)
    {
        if (value.Type.Kind != CTypeKind.Pointer || value.Type.Target is not { } target)
        {
            throw new FormatException($"'{shown}' is a {value.Type.Name}, not a pointer");
        }
        if (CVariables.Bits(value, memory, out var error) is not { } address)
        {
            throw new FormatException($"'{shown}' is unavailable: {error}");
        }
        return new CValue(target, address == 0 ? VariableLocation.None("null pointer") : VariableLocation.Memory(address));
    }

    private static CValue Element(CValue value, long index, string shown, byte[]? memory)
    {
        if (value.Type.Kind == CTypeKind.Pointer)
        {
            value = Dereference(value, shown, memory);
            if (value.Location.Unavailable != null)
            {
                return value;
            }
            return new CValue(value.Type, VariableLocation.Memory(value.Location.Value + (ulong)(index * (long)value.Type.Size)));
        }
        if (value.Type.Kind != CTypeKind.Array || value.Type.Target is not { } element)
        {
            throw new FormatException($"'{shown}' is a {value.Type.Name}, not an array or pointer");
        }
        if (value.Type.Count >= 0 && (index < 0 || index >= value.Type.Count))
        {
            throw new FormatException($"index {index} is outside {shown}'s {value.Type.Count} elements");
        }
        return value.Location is { InMemory: true, Unavailable: null } l
            ? new CValue(element, VariableLocation.Memory(l.Value + (ulong)(index * (long)element.Size)))
            : new CValue(element, VariableLocation.None(value.Location.Unavailable ?? "not in memory"));
    }

    private static CValue AddressOf(CValue value, string shown)
    {
        if (value.Location is not { InMemory: true, Unavailable: null } l)
        {
            throw new FormatException($"'{shown}' has no address (it is not in linear memory)");
        }
        var pointer = new CType(CTypeKind.Pointer, value.Type.Name.EndsWith('*') ? value.Type.Name + "*" : value.Type.Name + " *", 4) { Target = value.Type };
        return new CValue(pointer, VariableLocation.Computed(l.Value));
    }
}
