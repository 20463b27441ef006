using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Wit.Core.Syntax;

namespace Wit.Core.Tests.Wit.Fuzz;

/// <summary>
/// Random WIT-ish text: keywords, punctuation, names (valid and not), versions, strings, comments, attributes,
/// line breaks of every kind and garbage (control codes, lone surrogates, bidirectional overrides, a BOM), glued
/// with and without separators so that adjacent pieces also lex into each other.
/// </summary>
public static class WitTokenSoup
{
    /// <summary>Pieces an editor's user types: also used as insertions by the mutator and the edit generator.</summary>
    public static readonly string[] Fragments =
    {
        "{", "}", "(", ")", "<", ">", ",", ":", ";", "=", ".", "/", "*", "@", "+", "-", "->", "_", "%",
        "/*", "*/", "//", "///", "/**", "\"", "\n", "\r\n", "\r",
        "package a:b;", "package a:b@1.0.0 {", "interface x {", "world w {", "use a:b/c.{d};", "use x.{y as z};",
        "include w2;", "import f: func();", "export i;", "type t = u32;", "record r { a: u32 }", "enum e { a, b }",
        "flags f { a }", "variant v { a(u8), b }", "resource r { constructor(); m: func(); s: static func(); }",
        "f: func(a: list<u8>) -> result<_, string>;", "f: async func() -> future<stream<u8>>;",
        "@since(version = 1.0.0)", "@unstable(feature = foo)", "@deprecated(version = 0.2.0)",
        "list<", "option<", "result<", "tuple<", "borrow<", "own<", "map<string, u32>", "list<u8, 4>",
    };

    private static readonly string[] Names =
    {
        "a", "foo", "foo-bar", "a1", "x-y-z", "ABC", "%interface", "%a", "%", "Ab", "a--b", "-a", "a-", "1a", "a-1b",
        "\u00e9t\u00e9", "_x", "x_y", "iface0", "ns", "pkg",
    };

    private static readonly string[] Literals =
    {
        "0", "1", "42", "007", "1.0.0", "0.2.0-rc.1+build.5", "1.2", "99999999999999999999", "\"\"", "\"abc\"",
        "\"a\\\"b\"", "\"unterminated", "\"tab\there\"", "\"\\u{41}\"",
    };

    private static readonly string[] Comments =
    {
        "// line\n", "/// doc\n", "//// not doc\n", "/* block */", "/** doc */", "/***/", "/**/", "/* /* nested */ */",
        "/* open", "// no newline", "/*\r\n*/", "//\r", "/* \u202e */",
    };

    private static readonly string[] Garbage =
    {
        "\0", "\u0001", "\u001b", "\u007f", "\u0085", "\ud800", "\udfff", "\udc00\ud800", "\ud83d\ude00", "\ufeff",
        "\u202e", "\u2066", "\u0149", "#", "$", "!", "?", "~", "^", "&", "|", "\\", "'", "`", "[", "]", "\u00a0",
        "\u3000", "\u0301", "\U0010ffff", "\ufffd", "\uffff",
    };

    private static readonly string[] Whitespace = { " ", "  ", "\t", "\n", "\r\n", "\r", "\n\r", "\r\r\n", " \n " };

    private static readonly string[] Keywords = SyntaxFacts.KeywordSpellings.OrderBy(k => k, StringComparer.Ordinal).ToArray();

    /// <summary>One input of at most <paramref name="maxLength"/> characters (occasionally a bit more when the last piece is long).</summary>
    public static string Next(Random random, int maxLength)
    {
        int target = random.Next(0, maxLength + 1);
        var builder = new StringBuilder(target + 32);
        while (builder.Length < target)
        {
            builder.Append(Piece(random));
            int separator = random.Next(10);
            if (separator < 4) builder.Append(' ');
            else if (separator < 5) builder.Append(Pick(random, Whitespace));
        }

        return builder.ToString();
    }

    /// <summary>One random piece of any category.</summary>
    public static string Piece(Random random) => random.Next(20) switch
    {
        < 6 => Pick(random, Keywords),
        < 9 => Pick(random, Fragments),
        < 12 => Pick(random, Names),
        < 14 => Pick(random, Literals),
        < 16 => Pick(random, Comments),
        < 18 => Pick(random, Garbage),
        18 => ((char)random.Next(0, 0x10000)).ToString(),
        _ => Pick(random, Whitespace),
    };

    private static string Pick(Random random, IReadOnlyList<string> items) => items[random.Next(items.Count)];
}
