using System;
using System.Collections.Generic;
using System.Text;
using Wit.Core.Text;

namespace Wit.Fuzz;

/// <summary>
/// Mutations of a corpus file, each one text change (so the incremental reparse can be asked for the same edit):
/// character flips, token deletions, duplications and swaps, splices from another file, deep nesting, odd Unicode
/// and truncation.
/// </summary>
public static class Mutator
{
    private static readonly string[] OddText =
    {
        "\uFEFF", "\u202E", "\u2066", "\u0000", "\u0001", "\r", "\t", "\u00A0", "\u200B", "\u0301", "\U0001F600", "\uD800", "\uDC00",
        "\u00E9\u00E9\u00E9", "\u0149", "%", "#", "\\", "\"", "/*", "*/", "(;", ";)", ";;", "///", "@", "->", "::",
    };

    private static readonly string[] Pieces =
    {
        "{", "}", "<", ">", "(", ")", ";", ":", ",", "=", "func", "use ", "record r {", "include ", "with { a as b }", "@since(version = 1.0.0)",
        "@unstable(feature = x)", "borrow<", "own<", "list<u8, 4294967295>", "type a = b;\ntype b = a;\n", "interface{->p", "world w {", "resource r;",
        "(typename $t u8)", "(module $m", "(@interface func (export \"f\")", "(param $p", "(result $r", "(@witx", "package a:b@1.0.0;",
    };

    /// <summary>The kinds of mutation, by name, for the report.</summary>
    public static readonly string[] Kinds = { "flip", "delete-token", "duplicate-token", "swap-tokens", "splice", "nest", "unicode", "truncate", "insert" };

    public static (string Kind, TextChange Change) Mutate(string text, string donor, Random random)
    {
        int kind = random.Next(Kinds.Length);
        int at = random.Next(text.Length + 1);
        switch (kind)
        {
            case 0:
                if (text.Length == 0) break;
                at = Math.Min(at, text.Length - 1);
                return (Kinds[kind], new TextChange(new TextSpan(at, 1), ((char)(text[at] ^ (1 << random.Next(7)))).ToString()));
            case 1:
            {
                var token = TokenAt(text, at);
                return (Kinds[kind], new TextChange(token, string.Empty));
            }

            case 2:
            {
                var token = TokenAt(text, at);
                string copy = text.Substring(token.Start, token.Length);
                int times = random.Next(4) == 0 ? random.Next(2, 200) : 1;
                return (Kinds[kind], new TextChange(new TextSpan(token.End, 0), Repeat(" " + copy, times)));
            }

            case 3:
            {
                var first = TokenAt(text, at);
                var second = TokenAt(text, Math.Min(text.Length, first.End + 1 + random.Next(20)));
                if (second.Start < first.End || second.Length == 0 || first.Length == 0) break;
                string a = text.Substring(first.Start, first.Length), b = text.Substring(second.Start, second.Length);
                string between = text.Substring(first.End, second.Start - first.End);
                return (Kinds[kind], new TextChange(TextSpan.FromBounds(first.Start, second.End), b + between + a));
            }

            case 4:
                if (donor.Length == 0) break;
                int from = random.Next(donor.Length);
                int length = Math.Min(donor.Length - from, random.Next(1, 400));
                int cut = Math.Min(text.Length - at, random.Next(0, 200));
                return (Kinds[kind], new TextChange(new TextSpan(at, cut), donor.Substring(from, length)));
            case 5:
                int depth = random.Next(2) == 0 ? random.Next(10, 200) : random.Next(200, 5000);
                string open = random.Next(3) switch { 0 => "list<", 1 => "(", _ => "option<" };
                return (Kinds[kind], new TextChange(new TextSpan(at, 0), Repeat(open, depth)));
            case 6:
                string odd = OddText[random.Next(OddText.Length)];
                return (Kinds[kind], new TextChange(new TextSpan(at, 0), random.Next(8) == 0 ? Repeat(odd, random.Next(2, 5000)) : odd));
            case 7:
                return (Kinds[kind], new TextChange(TextSpan.FromBounds(at, text.Length), string.Empty));
        }

        return (Kinds[8], new TextChange(new TextSpan(at, 0), Pieces[random.Next(Pieces.Length)]));
    }

    /// <summary>The token around <paramref name="at"/>: a run of letters, digits and dashes, or one other character.</summary>
    private static TextSpan TokenAt(string text, int at)
    {
        if (at >= text.Length) return new TextSpan(text.Length, 0);
        static bool Word(char c) => char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '$' || c == '%';
        if (!Word(text[at])) return new TextSpan(at, 1);
        int start = at, end = at;
        while (start > 0 && Word(text[start - 1])) start--;
        while (end < text.Length && Word(text[end])) end++;
        return TextSpan.FromBounds(start, end);
    }

    private static string Repeat(string piece, int times)
    {
        var builder = new StringBuilder(piece.Length * times);
        for (int i = 0; i < times; i++) builder.Append(piece);
        return builder.ToString();
    }
}
