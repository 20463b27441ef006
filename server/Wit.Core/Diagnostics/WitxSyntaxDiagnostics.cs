using System.Collections.Generic;

namespace Wit.Core.Diagnostics;

/// <summary>
/// The catalogue of WITX syntax diagnostics (<c>WITX0xxx</c>): one descriptor per code, named after it, and one
/// factory per message, named after what it says. Report sites pass the values a message needs to a factory, so every
/// text is written here, next to its code. Wording follows the witx crate's where the same error exists.
/// </summary>
public static class WitxSyntaxDiagnostics
{
    public static readonly DiagnosticDescriptor Witx0001 = new("WITX0001", DiagnosticSeverity.Error, "Unexpected token");
    public static readonly DiagnosticDescriptor Witx0002 = new("WITX0002", DiagnosticSeverity.Error, "Unexpected character");
    public static readonly DiagnosticDescriptor Witx0003 = new("WITX0003", DiagnosticSeverity.Error, "Unterminated block comment");
    public static readonly DiagnosticDescriptor Witx0004 = new("WITX0004", DiagnosticSeverity.Error, "Unterminated string literal");
    public static readonly DiagnosticDescriptor Witx0005 = new("WITX0005", DiagnosticSeverity.Error, "Unbalanced parenthesis");
    public static readonly DiagnosticDescriptor Witx0006 = new("WITX0006", DiagnosticSeverity.Error, "Nesting too deep");
    public static readonly DiagnosticDescriptor Witx0007 = new("WITX0007", DiagnosticSeverity.Error, "Invalid form");
    public static readonly DiagnosticDescriptor Witx0008 = new("WITX0008", DiagnosticSeverity.Error, "Invalid token");

    /// <summary>Every WITX syntax descriptor, for documentation checks.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        Witx0001, Witx0002, Witx0003, Witx0004, Witx0005, Witx0006, Witx0007, Witx0008,
    };

    /// <summary>WITX0001: tokens at the top level where a form must start; <paramref name="found"/> describes the first.</summary>
    public static DiagnosticMessage ExpectedOpenParen(string found) => Witx0001.Message($"expected '(', found {found}");

    /// <summary>WITX0002: a character that starts no token, described (quoted, or by its code point).</summary>
    public static DiagnosticMessage UnexpectedCharacter(string character) => Witx0002.Message($"unexpected character {character}");

    /// <summary>WITX0003: a <c>(;</c> comment that the end of the file leaves open.</summary>
    public static DiagnosticMessage UnterminatedComment() => Witx0003.Message("unterminated block comment");

    /// <summary>WITX0004: a string that the end of its line (or of the file) leaves open.</summary>
    public static DiagnosticMessage UnterminatedString() => Witx0004.Message("unterminated string literal");

    /// <summary>WITX0005: a top-level <c>)</c> that closes nothing.</summary>
    public static DiagnosticMessage UnmatchedCloseParen() => Witx0005.Message("unexpected ')' with no matching '('");

    /// <summary>WITX0005: the end of the file inside an open form.</summary>
    public static DiagnosticMessage MissingCloseParen() => Witx0005.Message("expected ')', found eof");

    /// <summary>WITX0006: a form nested deeper than the parser's limit, <paramref name="maxDepth"/>.</summary>
    public static DiagnosticMessage NestedTooDeep(int maxDepth) => Witx0006.Message($"forms are nested more than {maxDepth} deep");

    /// <summary>WITX0007: a form whose head (<paramref name="head"/>, e.g. <c>typename</c>) must be followed by a <c>$name</c>.</summary>
    public static DiagnosticMessage ExpectedName(string head, string found) => Witx0007.Message($"expected a `$name` after `{head}`, found {found}");

    /// <summary>WITX0007: a type position that holds no type.</summary>
    public static DiagnosticMessage ExpectedType(string found) => Witx0007.Message($"expected a type, found {found}");

    /// <summary>WITX0007: an item after the last one a form allows.</summary>
    public static DiagnosticMessage ExpectedCloseParen(string found) => Witx0007.Message($"expected ')', found {found}");

    /// <summary>WITX0007: an <c>@interface func</c> that does not start with its export name.</summary>
    public static DiagnosticMessage ExpectedExport(string found) => Witx0007.Message($"expected `(export \"name\")`, found {found}");

    /// <summary>WITX0007: an <c>export</c> without its name string.</summary>
    public static DiagnosticMessage ExpectedString(string found) => Witx0007.Message($"expected a string, found {found}");

    /// <summary>WITX0008: a <c>$</c> with no name after it.</summary>
    public static DiagnosticMessage EmptyIdentifier() => Witx0008.Message("expected an identifier name after '$'");

    /// <summary>WITX0008: an atom that starts like a number but is not one.</summary>
    public static DiagnosticMessage InvalidInteger(string text) => Witx0008.Message($"invalid integer literal `{text}`");

    /// <summary>WITX0008: an integer literal beyond 64 bits.</summary>
    public static DiagnosticMessage IntegerTooLarge(string text) => Witx0008.Message($"integer literal `{text}` does not fit in 64 bits");

    /// <summary>WITX0008: an escape sequence the WebAssembly text format does not define.</summary>
    public static DiagnosticMessage InvalidEscape(string escape) => Witx0008.Message($"invalid escape `{escape}` in string literal");
}
