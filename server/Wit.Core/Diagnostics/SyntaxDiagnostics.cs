using System.Collections.Generic;
using System.Globalization;

namespace Wit.Core.Diagnostics;

/// <summary>
/// The catalogue of WIT syntax diagnostics (<c>WIT0xxx</c>; WITX's are in <see cref="WitxSyntaxDiagnostics"/>): one
/// descriptor per code, named after it, and one factory per message, named after what it says. Report sites pass the
/// values a message needs (token descriptions, quoted characters) to a factory, so every text is written here, next to
/// its code. Wording follows wit-parser's where the same error exists.
/// </summary>
public static class SyntaxDiagnostics
{
    public static readonly DiagnosticDescriptor Wit0001 = new("WIT0001", DiagnosticSeverity.Error, "Unexpected token");
    public static readonly DiagnosticDescriptor Wit0002 = new("WIT0002", DiagnosticSeverity.Error, "Unexpected character");
    public static readonly DiagnosticDescriptor Wit0003 = new("WIT0003", DiagnosticSeverity.Error, "Unterminated block comment");
    public static readonly DiagnosticDescriptor Wit0004 = new("WIT0004", DiagnosticSeverity.Error, "Unterminated string literal");
    public static readonly DiagnosticDescriptor Wit0005 = new("WIT0005", DiagnosticSeverity.Error, "Invalid identifier");
    public static readonly DiagnosticDescriptor Wit0006 = new("WIT0006", DiagnosticSeverity.Error, "Invalid semantic version");
    public static readonly DiagnosticDescriptor Wit0007 = new("WIT0007", DiagnosticSeverity.Error, "Type nesting too deep");
    public static readonly DiagnosticDescriptor Wit0008 = new("WIT0008", DiagnosticSeverity.Error, "Package nesting too deep");
    public static readonly DiagnosticDescriptor Wit0009 = new("WIT0009", DiagnosticSeverity.Error, "Forbidden character in input");
    public static readonly DiagnosticDescriptor Wit0010 = new("WIT0010", DiagnosticSeverity.Error, "Empty enum or variant");
    public static readonly DiagnosticDescriptor Wit0011 = new("WIT0011", DiagnosticSeverity.Error, "Invalid attribute");
    public static readonly DiagnosticDescriptor Wit0012 = new("WIT0012", DiagnosticSeverity.Error, "Invalid escape in string literal");
    public static readonly DiagnosticDescriptor Wit0013 = new("WIT0013", DiagnosticSeverity.Information, "Too many diagnostics in one file");

    /// <summary>Every WIT syntax descriptor, for documentation checks.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        Wit0001, Wit0002, Wit0003, Wit0004, Wit0005, Wit0006, Wit0007, Wit0008, Wit0009, Wit0010, Wit0011, Wit0012, Wit0013,
    };

    // WIT0001: a token the grammar does not allow where it stands.

    /// <summary>
    /// WIT0001: the parser wanted <paramref name="expected"/> (a description such as <c>`interface`</c> or
    /// <c>a type</c>) and met <paramref name="found"/> (the found token's description).
    /// </summary>
    public static DiagnosticMessage ExpectedFound(string expected, string found) => Wit0001.Message($"expected {expected}, found {found}");

    /// <summary>WIT0001: a name that must be exactly <paramref name="required"/> (e.g. <c>constructor</c>) is <paramref name="found"/>.</summary>
    public static DiagnosticMessage ExpectedName(string required, string found) => Wit0001.Message($"expected `{required}`, found `{found}`");

    /// <summary>WIT0001: a fixed-size list's length that does not fit in a u32.</summary>
    public static DiagnosticMessage ListSizeTooLarge() => Wit0001.Message("invalid list size: number too large to fit in target type");

    // WIT0002: a character that starts no token, or a control character inside a string.

    /// <summary>WIT0002: a character (<paramref name="character"/>, quoted as Rust's <c>{:?}</c>) that starts no token.</summary>
    public static DiagnosticMessage UnexpectedCharacter(string character) => Wit0002.Message($"unexpected character {character}");

    /// <summary>WIT0002: a control character (<paramref name="character"/>, quoted) inside a string literal.</summary>
    public static DiagnosticMessage InvalidStringCharacter(string character) => Wit0002.Message($"invalid string character {character}");

    // WIT0003: a block comment left open.

    /// <summary>WIT0003: a <c>/*</c> comment that the end of the file leaves open.</summary>
    public static DiagnosticMessage UnterminatedComment() => Wit0003.Message("unterminated block comment");

    // WIT0004: a string literal left open.

    /// <summary>WIT0004: the end of the file inside a string literal.</summary>
    public static DiagnosticMessage UnexpectedEndOfFile() => Wit0004.Message("unexpected end of file");

    /// <summary>WIT0004: a line break inside a string literal, which ends it unterminated.</summary>
    public static DiagnosticMessage NewlineInString() => Wit0004.Message("invalid string character '\\n'");

    // WIT0005: a name that is not kebab-case.

    /// <summary>WIT0005: a name that is empty or has an empty word (two hyphens in a row, or one at either end).</summary>
    public static DiagnosticMessage EmptyIdentifierPart() => Wit0005.Message("identifiers must have characters between '-'s");

    /// <summary>WIT0005: the character (<paramref name="character"/>, quoted) that breaks a name's kebab-case rules.</summary>
    public static DiagnosticMessage InvalidIdentifierCharacter(string character) => Wit0005.Message($"invalid character in identifier {character}");

    // WIT0006: a version that is not Semantic Versioning 2.0.0, worded as the semver crate words it. The place
    // (<c>where</c>) is the part being read, e.g. "minor version number" or "pre-release identifier".

    /// <summary>WIT0006: a number of a version part (<paramref name="where"/>) with a leading zero.</summary>
    public static DiagnosticMessage VersionLeadingZero(string where) => Wit0006.Message($"invalid leading zero in {where}");

    /// <summary>WIT0006: a version number (<paramref name="where"/>) beyond 64 bits.</summary>
    public static DiagnosticMessage VersionNumberTooLarge(string where) => Wit0006.Message($"value of {where} exceeds u64::MAX");

    /// <summary>WIT0006: a version that ends while <paramref name="where"/> is read.</summary>
    public static DiagnosticMessage VersionEndsEarly(string where) => Wit0006.Message($"unexpected end of input while parsing {where}");

    /// <summary>WIT0006: a character (<paramref name="character"/>, quoted) where <paramref name="where"/> should start.</summary>
    public static DiagnosticMessage VersionCharacterWhileParsing(string character, string where) =>
        Wit0006.Message($"unexpected character {character} while parsing {where}");

    /// <summary>WIT0006: a character (<paramref name="character"/>, quoted) after <paramref name="where"/> that cannot follow it.</summary>
    public static DiagnosticMessage VersionCharacterAfter(string character, string where) => Wit0006.Message($"unexpected character {character} after {where}");

    /// <summary>WIT0006: an empty dot-separated identifier in <paramref name="where"/>.</summary>
    public static DiagnosticMessage VersionEmptySegment(string where) => Wit0006.Message($"empty identifier segment in {where}");

    // WIT0007 and WIT0008: nesting beyond wit-parser's limits.

    /// <summary>WIT0007: a type nested deeper than wit-parser allows.</summary>
    public static DiagnosticMessage TypeNestingTooDeep() => Wit0007.Message("type nesting too deep");

    /// <summary>WIT0008: packages nested deeper than wit-parser allows.</summary>
    public static DiagnosticMessage PackageNestingTooDeep() => Wit0008.Message("package nesting too deep");

    // WIT0009: characters wit-parser forbids anywhere in the input. The code point is written as Rust's
    // <c>EscapeUnicode</c> debug form prints it, e.g. <c>'\u{202e}'</c>.

    /// <summary>WIT0009: a control code other than tab, CR and LF; <paramref name="codePoint"/> is the quoted <c>'\u{..}'</c> form.</summary>
    public static DiagnosticMessage ControlCode(string codePoint) => Wit0009.Message($"Control code {codePoint}");

    /// <summary>WIT0009: a bidirectional override; <paramref name="codePoint"/> is the quoted <c>'\u{..}'</c> form.</summary>
    public static DiagnosticMessage BidirectionalOverride(string codePoint) =>
        Wit0009.Message($"Input contains bidirectional override codepoint EscapeUnicode(EscapeIterInner({codePoint}))");

    /// <summary>WIT0009: a code point Unicode discourages; <paramref name="codePoint"/> is the quoted <c>'\u{..}'</c> form.</summary>
    public static DiagnosticMessage DiscouragedCodepoint(string codePoint) =>
        Wit0009.Message($"Codepoint EscapeUnicode(EscapeIterInner({codePoint})) is discouraged by Unicode");

    // WIT0010: a type with no cases.

    /// <summary>WIT0010: an enum without cases.</summary>
    public static DiagnosticMessage EmptyEnum() => Wit0010.Message("empty enum");

    /// <summary>WIT0010: a variant without cases.</summary>
    public static DiagnosticMessage EmptyVariant() => Wit0010.Message("empty variant");

    // WIT0011: attributes wit-parser does not accept.

    /// <summary>WIT0011: an attribute whose name (<paramref name="name"/>) is none of <c>since</c>, <c>unstable</c>, <c>deprecated</c>, <c>external-id</c>.</summary>
    public static DiagnosticMessage UnknownAttribute(string name) => Wit0011.Message($"unknown attribute `{name}`");

    /// <summary>WIT0011: attributes before a nested <c>package</c>.</summary>
    public static DiagnosticMessage AttributesOnNestedPackage() => Wit0011.Message("cannot place attributes on nested packages");

    // WIT0012: a broken escape or encoding inside a string literal.

    /// <summary>WIT0012: bytes that are not UTF-8; <paramref name="problem"/> is what Rust's <c>Utf8Error</c> says about them.</summary>
    public static DiagnosticMessage InvalidUtf8(string problem) => Wit0012.Message($"invalid UTF-8: {problem}");

    /// <summary>WIT0012: a <c>\u{..}</c> escape whose value is no Unicode scalar value.</summary>
    public static DiagnosticMessage InvalidUnicodeValue(long value) =>
        Wit0012.Message($"invalid unicode value 0x{value.ToString("x", CultureInfo.InvariantCulture)}");

    /// <summary>WIT0012: a backslash followed by a character (<paramref name="character"/>, quoted) that starts no escape.</summary>
    public static DiagnosticMessage InvalidStringEscape(string character) => Wit0012.Message($"invalid string escape {character}");

    /// <summary>WIT0012: an escape missing the character it needs next (<paramref name="expected"/>, e.g. <c>{</c>).</summary>
    public static DiagnosticMessage ExpectedCharacter(string expected) => Wit0012.Message($"expected character '{expected}'");

    /// <summary>WIT0012: a character (<paramref name="character"/>, quoted) that is no hex digit in a <c>\u{..}</c> escape.</summary>
    public static DiagnosticMessage InvalidHexDigit(string character) => Wit0012.Message($"invalid hex digit {character}");

    /// <summary>WIT0012: a <c>\u{..}</c> escape whose number is beyond 32 bits.</summary>
    public static DiagnosticMessage EscapeNumberTooLarge() => Wit0012.Message("number is too big to fit in a u32");

    /// <summary>WIT0012: a <c>\u{..}</c> escape whose number ends in an underscore.</summary>
    public static DiagnosticMessage TrailingUnderscore() => Wit0012.Message("trailing underscore in number");

    // WIT0013: the cap on one file's diagnostics.

    /// <summary>WIT0013: the last diagnostic of a file that has more than the editor shows, counting the rest.</summary>
    public static DiagnosticMessage MoreDiagnosticsNotShown(int more) =>
        Wit0013.Message($"and {more.ToString(CultureInfo.InvariantCulture)} more diagnostic{(more == 1 ? string.Empty : "s")} in this file, not shown");
}
