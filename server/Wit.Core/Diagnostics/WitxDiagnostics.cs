using System.Collections.Generic;

namespace Wit.Core.Diagnostics;

/// <summary>
/// The catalogue of WITX semantic diagnostics: <c>WITX10xx</c> for resolution and validation of WITX documents,
/// <c>WITX11xx</c> for deriving WITX from WIT. Messages follow the witx crate's wording where the same error exists
/// (its <c>.witxt</c> tests match on them), so the first line reads the same as upstream's.
/// </summary>
public static class WitxDiagnostics
{
    public static readonly DiagnosticDescriptor UnknownName = new("WITX1001", DiagnosticSeverity.Error, "Name does not exist");
    public static readonly DiagnosticDescriptor DuplicateName = new("WITX1002", DiagnosticSeverity.Error, "Name defined more than once");
    public static readonly DiagnosticDescriptor RecursiveType = new("WITX1003", DiagnosticSeverity.Error, "Type refers to itself");
    public static readonly DiagnosticDescriptor WrongKind = new("WITX1004", DiagnosticSeverity.Error, "Name refers to the wrong kind of item");
    public static readonly DiagnosticDescriptor InvalidRepresentation = new("WITX1005", DiagnosticSeverity.Error, "Invalid integer representation");
    public static readonly DiagnosticDescriptor AnonymousType = new("WITX1006", DiagnosticSeverity.Error, "Anonymous structured type");
    public static readonly DiagnosticDescriptor InvalidTag = new("WITX1007", DiagnosticSeverity.Error, "Invalid union or variant tag");
    public static readonly DiagnosticDescriptor AbiError = new("WITX1008", DiagnosticSeverity.Error, "Function outside the WITX ABI");
    public static readonly DiagnosticDescriptor UseError = new("WITX1009", DiagnosticSeverity.Error, "Used file cannot be read");
    public static readonly DiagnosticDescriptor UnsupportedForm = new("WITX1010", DiagnosticSeverity.Error, "Unsupported form");
    public static readonly DiagnosticDescriptor InvalidConstant = new("WITX1011", DiagnosticSeverity.Error, "Invalid constant");
    public static readonly DiagnosticDescriptor TypeTooLarge = new("WITX1012", DiagnosticSeverity.Error, "Type too large");
    public static readonly DiagnosticDescriptor EmptyType = new("WITX1013", DiagnosticSeverity.Error, "Type without fields or cases");

    public static readonly DiagnosticDescriptor NotExpressible = new("WITX1101", DiagnosticSeverity.Warning, "WIT feature without a WITX equivalent");
    public static readonly DiagnosticDescriptor LayoutMismatch = new("WITX1102", DiagnosticSeverity.Warning, "WITX layout differs from the Canonical ABI");
    public static readonly DiagnosticDescriptor DerivationFailed = new("WITX1103", DiagnosticSeverity.Error, "Function cannot be derived");

    /// <summary>Every WITX semantic descriptor, for documentation checks.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        UnknownName, DuplicateName, RecursiveType, WrongKind, InvalidRepresentation, AnonymousType, InvalidTag, AbiError,
        UseError, UnsupportedForm, InvalidConstant, TypeTooLarge, EmptyType, NotExpressible, LayoutMismatch, DerivationFailed,
    };
}
