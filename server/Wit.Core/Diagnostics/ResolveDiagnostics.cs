using System.Collections.Generic;

namespace Wit.Core.Diagnostics;

/// <summary>
/// The catalogue of resolution diagnostics (<c>WIT1xxx</c>). Messages follow wit-parser's wording where the same
/// error exists, so the first line of an error reads the same as upstream's.
/// </summary>
public static class ResolveDiagnostics
{
    public static readonly DiagnosticDescriptor UnknownName = new("WIT1001", DiagnosticSeverity.Error, "Name does not exist");
    public static readonly DiagnosticDescriptor DuplicateName = new("WIT1002", DiagnosticSeverity.Error, "Name defined more than once");
    public static readonly DiagnosticDescriptor Cycle = new("WIT1003", DiagnosticSeverity.Error, "Item depends on itself");
    public static readonly DiagnosticDescriptor PackageError = new("WIT1004", DiagnosticSeverity.Error, "Invalid package structure");
    public static readonly DiagnosticDescriptor HandleNotResource = new("WIT1005", DiagnosticSeverity.Error, "Handle of a non-resource type");
    public static readonly DiagnosticDescriptor BorrowInResult = new("WIT1006", DiagnosticSeverity.Error, "Borrowed handle in a function result");
    public static readonly DiagnosticDescriptor WorldConflict = new("WIT1007", DiagnosticSeverity.Error, "Conflicting world import or export");
    public static readonly DiagnosticDescriptor FeatureGate = new("WIT1008", DiagnosticSeverity.Error, "Invalid feature gate use");
    public static readonly DiagnosticDescriptor IncludeError = new("WIT1009", DiagnosticSeverity.Error, "Invalid include");
    public static readonly DiagnosticDescriptor InvalidMapKey = new("WIT1010", DiagnosticSeverity.Error, "Invalid map key type");
    public static readonly DiagnosticDescriptor InvalidConstructor = new("WIT1011", DiagnosticSeverity.Error, "Invalid constructor result");
    public static readonly DiagnosticDescriptor WrongKind = new("WIT1012", DiagnosticSeverity.Error, "Name refers to the wrong kind of item");
    public static readonly DiagnosticDescriptor Unsupported = new("WIT1013", DiagnosticSeverity.Error, "Unsupported input");
    public static readonly DiagnosticDescriptor InputError = new("WIT1014", DiagnosticSeverity.Error, "Unreadable input");
    public static readonly DiagnosticDescriptor NotFoundInPackage = new("WIT1015", DiagnosticSeverity.Error, "Item not found in package");
    public static readonly DiagnosticDescriptor Unrepresentable = new("WIT1016", DiagnosticSeverity.Error, "Type the component model cannot represent");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        UnknownName, DuplicateName, Cycle, PackageError, HandleNotResource, BorrowInResult, WorldConflict, FeatureGate,
        IncludeError, InvalidMapKey, InvalidConstructor, WrongKind, Unsupported, InputError, NotFoundInPackage, Unrepresentable,
    };
}
