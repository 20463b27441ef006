using System;
using System.Collections.Generic;

namespace Wit.Core.Syntax;

/// <summary>Facts about kinds: keyword spellings, punctuation texts and how wit-parser describes a token in messages.</summary>
public static class SyntaxFacts
{
    private static readonly Dictionary<string, SyntaxKind> Keywords = new()
    {
        ["as"] = SyntaxKind.AsKeyword,
        ["async"] = SyntaxKind.AsyncKeyword,
        ["bool"] = SyntaxKind.BoolKeyword,
        ["borrow"] = SyntaxKind.BorrowKeyword,
        ["char"] = SyntaxKind.CharKeyword,
        ["constructor"] = SyntaxKind.ConstructorKeyword,
        ["enum"] = SyntaxKind.EnumKeyword,
        ["error-context"] = SyntaxKind.ErrorContextKeyword,
        ["export"] = SyntaxKind.ExportKeyword,
        ["f32"] = SyntaxKind.F32Keyword,
        ["f64"] = SyntaxKind.F64Keyword,
        ["flags"] = SyntaxKind.FlagsKeyword,
        ["from"] = SyntaxKind.FromKeyword,
        ["func"] = SyntaxKind.FuncKeyword,
        ["future"] = SyntaxKind.FutureKeyword,
        ["import"] = SyntaxKind.ImportKeyword,
        ["include"] = SyntaxKind.IncludeKeyword,
        ["interface"] = SyntaxKind.InterfaceKeyword,
        ["list"] = SyntaxKind.ListKeyword,
        ["map"] = SyntaxKind.MapKeyword,
        ["option"] = SyntaxKind.OptionKeyword,
        ["own"] = SyntaxKind.OwnKeyword,
        ["package"] = SyntaxKind.PackageKeyword,
        ["record"] = SyntaxKind.RecordKeyword,
        ["resource"] = SyntaxKind.ResourceKeyword,
        ["result"] = SyntaxKind.ResultKeyword,
        ["s16"] = SyntaxKind.S16Keyword,
        ["s32"] = SyntaxKind.S32Keyword,
        ["s64"] = SyntaxKind.S64Keyword,
        ["s8"] = SyntaxKind.S8Keyword,
        ["static"] = SyntaxKind.StaticKeyword,
        ["stream"] = SyntaxKind.StreamKeyword,
        ["string"] = SyntaxKind.StringKeyword,
        ["tuple"] = SyntaxKind.TupleKeyword,
        ["type"] = SyntaxKind.TypeKeyword,
        ["u16"] = SyntaxKind.U16Keyword,
        ["u32"] = SyntaxKind.U32Keyword,
        ["u64"] = SyntaxKind.U64Keyword,
        ["u8"] = SyntaxKind.U8Keyword,
        ["_"] = SyntaxKind.UnderscoreKeyword,
        ["use"] = SyntaxKind.UseKeyword,
        ["variant"] = SyntaxKind.VariantKeyword,
        ["with"] = SyntaxKind.WithKeyword,
        ["world"] = SyntaxKind.WorldKeyword,
    };

    private static readonly Dictionary<SyntaxKind, string> KeywordTexts = Invert(Keywords);

    /// <summary>The keyword kind of <paramref name="text"/>, or <see cref="SyntaxKind.IdentifierToken"/>.</summary>
    public static SyntaxKind GetKeywordKind(string text) => Keywords.TryGetValue(text, out var kind) ? kind : SyntaxKind.IdentifierToken;

    /// <summary>
    /// The keywords by length and first character (<see cref="KeywordBucket"/>), for
    /// <see cref="GetKeywordKind(string, int, int)"/>: most buckets are empty, none holds more than a few.
    /// </summary>
    private static readonly (string Text, SyntaxKind Kind)[]?[] KeywordBuckets = Bucket(Keywords);

    /// <summary>The longest keyword's length.</summary>
    private const int MaxKeywordLength = 15;

    private static int KeywordBucket(char first, int length) => ((first & 0x7F) * (MaxKeywordLength + 1)) + length;

    /// <summary>
    /// The keyword kind of <c>text[start..start+length)</c>, or <see cref="SyntaxKind.IdentifierToken"/>: the lexer's
    /// test, on the text in place (no substring, no hashing), among the keywords of that length and first character.
    /// </summary>
    internal static SyntaxKind GetKeywordKind(string text, int start, int length)
    {
        char first = text[start];
        if (length > MaxKeywordLength || first >= 0x80 || KeywordBuckets[KeywordBucket(first, length)] is not { } bucket) return SyntaxKind.IdentifierToken;
        foreach (var (keyword, kind) in bucket)
        {
            // Keywords are short and share the length and first character: a loop compares them faster than a call.
            int i = 1;
            while (i < length && keyword[i] == text[start + i]) i++;
            if (i == length) return kind;
        }

        return SyntaxKind.IdentifierToken;
    }

    private static (string, SyntaxKind)[]?[] Bucket(Dictionary<string, SyntaxKind> keywords)
    {
        var buckets = new (string, SyntaxKind)[]?[0x80 * (MaxKeywordLength + 1)];
        foreach (var pair in keywords)
        {
            if (pair.Key.Length > MaxKeywordLength) throw new System.InvalidOperationException("a keyword longer than MaxKeywordLength: " + pair.Key);
            int index = KeywordBucket(pair.Key[0], pair.Key.Length);
            var bucket = buckets[index] ?? System.Array.Empty<(string, SyntaxKind)>();
            System.Array.Resize(ref bucket, bucket.Length + 1);
            bucket[bucket.Length - 1] = (pair.Key, pair.Value);
            buckets[index] = bucket;
        }

        return buckets;
    }

    public static bool IsKeyword(SyntaxKind kind) => kind >= SyntaxKind.AsKeyword && kind <= SyntaxKind.WorldKeyword;

    public static IEnumerable<string> KeywordSpellings => Keywords.Keys;

    public static bool IsComment(SyntaxKind kind) =>
        kind is SyntaxKind.LineCommentTrivia or SyntaxKind.BlockCommentTrivia or SyntaxKind.DocLineCommentTrivia or SyntaxKind.DocBlockCommentTrivia;

    public static bool IsDocComment(SyntaxKind kind) => kind is SyntaxKind.DocLineCommentTrivia or SyntaxKind.DocBlockCommentTrivia;

    public static bool IsPrimitiveTypeKeyword(SyntaxKind kind) => kind is SyntaxKind.U8Keyword or SyntaxKind.U16Keyword
        or SyntaxKind.U32Keyword or SyntaxKind.U64Keyword or SyntaxKind.S8Keyword or SyntaxKind.S16Keyword
        or SyntaxKind.S32Keyword or SyntaxKind.S64Keyword or SyntaxKind.F32Keyword or SyntaxKind.F64Keyword
        or SyntaxKind.CharKeyword or SyntaxKind.BoolKeyword or SyntaxKind.StringKeyword;

    /// <summary>The fixed text of a punctuation or keyword kind, or null.</summary>
    public static string? GetText(SyntaxKind kind)
    {
        if (KeywordTexts.TryGetValue(kind, out var keyword)) return keyword;
        return kind switch
        {
            SyntaxKind.OpenParenToken => "(",
            SyntaxKind.CloseParenToken => ")",
            SyntaxKind.EqualsToken => "=",
            SyntaxKind.CommaToken => ",",
            SyntaxKind.ColonToken => ":",
            SyntaxKind.SemicolonToken => ";",
            SyntaxKind.OpenBraceToken => "{",
            SyntaxKind.CloseBraceToken => "}",
            SyntaxKind.LessThanToken => "<",
            SyntaxKind.GreaterThanToken => ">",
            SyntaxKind.ArrowToken => "->",
            SyntaxKind.StarToken => "*",
            SyntaxKind.SlashToken => "/",
            SyntaxKind.DotToken => ".",
            SyntaxKind.AtToken => "@",
            SyntaxKind.PlusToken => "+",
            SyntaxKind.MinusToken => "-",
            _ => null,
        };
    }

    /// <summary>How a WIT message names an expected kind, as wit-parser does (<c>'('</c>, <c>keyword `func`</c>, ...).</summary>
    public static string DescribeExpected(SyntaxKind kind) => kind switch
    {
        SyntaxKind.IdentifierToken => "an identifier or string",
        SyntaxKind.IntegerToken => "an integer",
        SyntaxKind.StringToken => "a string literal",
        SyntaxKind.EndOfFileToken => "eof",
        _ when IsKeyword(kind) => $"keyword `{GetText(kind)}`",
        _ when IsBacktickedPunctuation(kind) => $"`{GetText(kind)}`",
        _ => GetText(kind) is { } text ? $"'{text}'" : kind.ToString(),
    };

    /// <summary>How a WIT message names a token that was found, as wit-parser does.</summary>
    public static string DescribeFound(GreenToken token) => token.Kind switch
    {
        SyntaxKind.IdentifierToken => token.Text.StartsWith("%", System.StringComparison.Ordinal) ? "an '%' identifier" : "an identifier",
        SyntaxKind.IntegerToken => "an integer",
        SyntaxKind.StringToken => "a string literal",
        SyntaxKind.EndOfFileToken => "eof",
        _ when IsBacktickedPunctuation(token.Kind) => $"`{token.Text}`",
        SyntaxKind.BadToken => $"an unexpected character '{token.Text}'",
        _ when IsKeyword(token.Kind) => $"keyword `{token.Text}`",
        _ => $"'{token.Text}'",
    };

    /// <summary>wit-parser names these tokens in backticks, the other punctuation in single quotes.</summary>
    private static bool IsBacktickedPunctuation(SyntaxKind kind) => kind is SyntaxKind.ArrowToken or SyntaxKind.StarToken
        or SyntaxKind.AtToken or SyntaxKind.SlashToken or SyntaxKind.PlusToken or SyntaxKind.MinusToken;

    private static Dictionary<SyntaxKind, string> Invert(Dictionary<string, SyntaxKind> map)
    {
        var inverted = new Dictionary<SyntaxKind, string>();
        foreach (var pair in map) inverted[pair.Value] = pair.Key;
        return inverted;
    }
}
