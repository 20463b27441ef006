using System.Collections.Generic;

namespace Wit.Core.Diagnostics;

/// <summary>
/// The catalogue of WIT syntax diagnostics (<c>WIT0xxx</c>; WITX's are in <see cref="WitxSyntaxDiagnostics"/>).
/// Wording follows wit-parser's where the same error exists.
/// </summary>
public static class SyntaxDiagnostics
{
    public static readonly DiagnosticDescriptor Expected = new("WIT0001", DiagnosticSeverity.Error, "Unexpected token");
    public static readonly DiagnosticDescriptor UnexpectedCharacter = new("WIT0002", DiagnosticSeverity.Error, "Unexpected character");
    public static readonly DiagnosticDescriptor UnterminatedComment = new("WIT0003", DiagnosticSeverity.Error, "Unterminated block comment");
    public static readonly DiagnosticDescriptor UnterminatedString = new("WIT0004", DiagnosticSeverity.Error, "Unterminated string literal");
    public static readonly DiagnosticDescriptor InvalidIdentifier = new("WIT0005", DiagnosticSeverity.Error, "Invalid identifier");
    public static readonly DiagnosticDescriptor InvalidVersion = new("WIT0006", DiagnosticSeverity.Error, "Invalid semantic version");
    public static readonly DiagnosticDescriptor TypeNestingTooDeep = new("WIT0007", DiagnosticSeverity.Error, "Type nesting too deep");
    public static readonly DiagnosticDescriptor PackageNestingTooDeep = new("WIT0008", DiagnosticSeverity.Error, "Package nesting too deep");
    public static readonly DiagnosticDescriptor InvalidInputCharacter = new("WIT0009", DiagnosticSeverity.Error, "Forbidden character in input");
    public static readonly DiagnosticDescriptor EmptyType = new("WIT0010", DiagnosticSeverity.Error, "Empty enum or variant");
    public static readonly DiagnosticDescriptor InvalidAttribute = new("WIT0011", DiagnosticSeverity.Error, "Invalid attribute");
    public static readonly DiagnosticDescriptor InvalidEscape = new("WIT0012", DiagnosticSeverity.Error, "Invalid escape in string literal");
    public static readonly DiagnosticDescriptor TooManyDiagnostics = new("WIT0013", DiagnosticSeverity.Information, "Too many diagnostics in one file");

    /// <summary>Every WIT syntax descriptor, for documentation checks.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        Expected, UnexpectedCharacter, UnterminatedComment, UnterminatedString, InvalidIdentifier, InvalidVersion,
        TypeNestingTooDeep, PackageNestingTooDeep, InvalidInputCharacter, EmptyType, InvalidAttribute, InvalidEscape,
        TooManyDiagnostics,
    };
}
