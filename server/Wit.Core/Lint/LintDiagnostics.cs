using System.Collections.Generic;
using Wit.Core.Diagnostics;

namespace Wit.Core.Lint;

/// <summary>
/// The catalogue of lint diagnostics (<c>WIT2xxx</c>): style, documentation and Canonical ABI cost rules that
/// <see cref="WitLinter"/> reports over a resolved root package. Each has a page under <c>docs/diagnostics/</c>.
/// </summary>
public static class LintDiagnostics
{
    /// <summary>An interface, world, function or type of the root package without documentation.</summary>
    public static readonly DiagnosticDescriptor MissingDocs = new("WIT2001", DiagnosticSeverity.Warning, "Missing documentation");

    /// <summary>A <c>@deprecated</c> item whose docs do not say what to use instead.</summary>
    public static readonly DiagnosticDescriptor DeprecatedWithoutReplacement = new("WIT2002", DiagnosticSeverity.Warning, "Deprecated item without a replacement note");

    /// <summary>A function whose every call makes the callee allocate (strings or lists passed in).</summary>
    public static readonly DiagnosticDescriptor AllocatesPerCall = new("WIT2003", DiagnosticSeverity.Information, "Call allocates in the callee");

    /// <summary>More than 16 flat parameters: spilled to memory.</summary>
    public static readonly DiagnosticDescriptor ParametersSpilled = new("WIT2004", DiagnosticSeverity.Warning, "Parameters spilled to memory");

    /// <summary>More than 256 bytes of fixed-size data copied through memory per call.</summary>
    public static readonly DiagnosticDescriptor LargeCopy = new("WIT2005", DiagnosticSeverity.Warning, "Large fixed-size data copied per call");

    /// <summary>A <c>list&lt;u8&gt;</c> parameter or result where a <c>stream&lt;u8&gt;</c> could carry bulk data.</summary>
    public static readonly DiagnosticDescriptor ByteListForBulkData = new("WIT2006", DiagnosticSeverity.Hint, "list<u8> where a stream could serve");

    /// <summary>An item without <c>@since</c> or <c>@unstable</c> in a package that gates its other items with <c>@since</c>.</summary>
    public static readonly DiagnosticDescriptor MissingSince = new("WIT2007", DiagnosticSeverity.Warning, "Missing @since gate");

    /// <summary>A stable (<c>@since</c>) function whose signature uses an <c>@unstable</c> type.</summary>
    public static readonly DiagnosticDescriptor StableUsesUnstable = new("WIT2008", DiagnosticSeverity.Warning, "Stable item uses an unstable type");

    /// <summary>A name brought in by <c>use</c> that nothing refers to.</summary>
    public static readonly DiagnosticDescriptor UnusedUse = new("WIT2009", DiagnosticSeverity.Warning, "Unused use");

    /// <summary>A member whose name starts with the name of the interface or resource it belongs to.</summary>
    public static readonly DiagnosticDescriptor StutteringName = new("WIT2010", DiagnosticSeverity.Warning, "Name repeats its container's name");

    /// <summary>Every lint descriptor, in code order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        MissingDocs, DeprecatedWithoutReplacement, AllocatesPerCall, ParametersSpilled, LargeCopy, ByteListForBulkData,
        MissingSince, StableUsesUnstable, UnusedUse, StutteringName,
    };

    /// <summary>The descriptor with <paramref name="code"/>, or null.</summary>
    public static DiagnosticDescriptor? Find(string code)
    {
        foreach (var descriptor in All)
        {
            if (descriptor.Code == code) return descriptor;
        }

        return null;
    }
}
