using System.Collections.Generic;

namespace Wit.Core.Witx.Semantics;

/// <summary>Spellings of WITX built-ins and integer representations, and the keywords that name them.</summary>
public static class WitxNames
{
    private static readonly Dictionary<string, WitxBuiltinType> BuiltinKeywords = new()
    {
        ["u8"] = WitxBuiltinType.U8,
        ["u16"] = WitxBuiltinType.U16,
        ["u32"] = WitxBuiltinType.U32,
        ["u64"] = WitxBuiltinType.U64,
        ["s8"] = WitxBuiltinType.S8,
        ["s16"] = WitxBuiltinType.S16,
        ["s32"] = WitxBuiltinType.S32,
        ["s64"] = WitxBuiltinType.S64,
        ["f32"] = WitxBuiltinType.F32,
        ["f64"] = WitxBuiltinType.F64,
        ["char"] = WitxBuiltinType.Char,
    };

    /// <summary>The built-in a bare keyword names (<c>u8</c> ... <c>f64</c>, <c>char</c>); false for any other word.</summary>
    public static bool TryGetBuiltin(string keyword, out WitxBuiltinType builtin) => BuiltinKeywords.TryGetValue(keyword, out builtin);

    /// <summary>How a built-in is written: a keyword, or <c>(@witx char8)</c> and <c>(@witx usize)</c>.</summary>
    public static string Builtin(WitxBuiltinType builtin) => builtin switch
    {
        WitxBuiltinType.U8 => "u8",
        WitxBuiltinType.U16 => "u16",
        WitxBuiltinType.U32 => "u32",
        WitxBuiltinType.U64 => "u64",
        WitxBuiltinType.S8 => "s8",
        WitxBuiltinType.S16 => "s16",
        WitxBuiltinType.S32 => "s32",
        WitxBuiltinType.S64 => "s64",
        WitxBuiltinType.F32 => "f32",
        WitxBuiltinType.F64 => "f64",
        WitxBuiltinType.Char => "char",
        WitxBuiltinType.Char8 => "(@witx char8)",
        _ => "(@witx usize)",
    };

    /// <summary>How an integer representation is written (<c>u8</c> ... <c>u64</c>).</summary>
    public static string Repr(WitxIntRepr repr) => repr switch
    {
        WitxIntRepr.U8 => "u8",
        WitxIntRepr.U16 => "u16",
        WitxIntRepr.U32 => "u32",
        _ => "u64",
    };

    /// <summary>Bytes of an integer representation.</summary>
    public static int ReprSize(WitxIntRepr repr) => repr switch
    {
        WitxIntRepr.U8 => 1,
        WitxIntRepr.U16 => 2,
        WitxIntRepr.U32 => 4,
        _ => 8,
    };

    /// <summary>True when <paramref name="name"/> can follow <c>$</c> in an identifier without quoting.</summary>
    public static bool IsValidIdentifier(string name)
    {
        if (name.Length == 0) return false;
        foreach (char c in name)
        {
            if (!WitxLexer.IsIdChar(c)) return false;
        }

        return true;
    }
}
