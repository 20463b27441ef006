using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Wit.Core.Diagnostics;

namespace Wit.Core.Lint;

/// <summary>
/// The catalogue of lint diagnostics (<c>WIT2xxx</c>): style, documentation and Canonical ABI cost rules that
/// <see cref="WitLinter"/> reports over a resolved root package. Each has a page under <c>docs/diagnostics/</c>. One
/// descriptor per code, named after it, and one factory per message, named after what it says: the linter passes the
/// values (an item's description such as <c>function 'f'</c>, names, byte counts), and every text is written here.
/// A descriptor's severity is the one the strict profile reports; <see cref="SeverityIn"/> gives each profile's.
/// </summary>
public static class LintDiagnostics
{
    /// <summary>An interface, world, function or type of the root package without documentation.</summary>
    public static readonly DiagnosticDescriptor Wit2001 = new("WIT2001", DiagnosticSeverity.Warning, "Missing documentation");

    /// <summary>A <c>@deprecated</c> item whose docs do not say what to use instead.</summary>
    public static readonly DiagnosticDescriptor Wit2002 = new("WIT2002", DiagnosticSeverity.Warning, "Deprecated item without a replacement note");

    /// <summary>A function whose every call makes the callee allocate (strings or lists passed in).</summary>
    public static readonly DiagnosticDescriptor Wit2003 = new("WIT2003", DiagnosticSeverity.Information, "Call allocates in the callee");

    /// <summary>More than 16 flat parameters: spilled to memory.</summary>
    public static readonly DiagnosticDescriptor Wit2004 = new("WIT2004", DiagnosticSeverity.Warning, "Parameters spilled to memory");

    /// <summary>More than 256 bytes of fixed-size data copied through memory per call.</summary>
    public static readonly DiagnosticDescriptor Wit2005 = new("WIT2005", DiagnosticSeverity.Warning, "Large fixed-size data copied per call");

    /// <summary>A <c>list&lt;u8&gt;</c> parameter or result where a <c>stream&lt;u8&gt;</c> could carry bulk data.</summary>
    public static readonly DiagnosticDescriptor Wit2006 = new("WIT2006", DiagnosticSeverity.Hint, "list<u8> where a stream could serve");

    /// <summary>An item without <c>@since</c> or <c>@unstable</c> in a package that gates its other items with <c>@since</c>.</summary>
    public static readonly DiagnosticDescriptor Wit2007 = new("WIT2007", DiagnosticSeverity.Warning, "Missing @since gate");

    /// <summary>A stable (<c>@since</c>) function whose signature uses an <c>@unstable</c> type.</summary>
    public static readonly DiagnosticDescriptor Wit2008 = new("WIT2008", DiagnosticSeverity.Warning, "Stable item uses an unstable type");

    /// <summary>A name brought in by <c>use</c> that nothing refers to.</summary>
    public static readonly DiagnosticDescriptor Wit2009 = new("WIT2009", DiagnosticSeverity.Warning, "Unused use");

    /// <summary>A member whose name starts with the name of the interface or resource it belongs to.</summary>
    public static readonly DiagnosticDescriptor Wit2010 = new("WIT2010", DiagnosticSeverity.Warning, "Name repeats its container's name");

    /// <summary>Every lint descriptor, in code order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        Wit2001, Wit2002, Wit2003, Wit2004, Wit2005, Wit2006, Wit2007, Wit2008, Wit2009, Wit2010,
    };

    /// <summary>
    /// The severity <paramref name="rule"/> is reported at in <paramref name="profile"/>, or null when the profile
    /// leaves it off. A descriptor's own severity is the strict profile's; the default profile turns the style
    /// preferences off (WIT2001 documentation on every item, WIT2007 a gate on every member), reports the ABI costs
    /// and a deprecation without a replacement note as information, and an unused <c>use</c> as a hint (an interface's
    /// <c>use</c> also re-exports the name, so nothing in the package referring to it does not make it dead).
    /// </summary>
    public static DiagnosticSeverity? SeverityIn(DiagnosticDescriptor rule, LintProfile profile)
    {
        if (rule is null) throw new System.ArgumentNullException(nameof(rule));
        if (profile == LintProfile.Strict) return rule.DefaultSeverity;
        return rule.Code switch
        {
            "WIT2001" or "WIT2007" => null,
            "WIT2002" or "WIT2004" or "WIT2005" => DiagnosticSeverity.Information,
            "WIT2009" => DiagnosticSeverity.Hint,
            _ => rule.DefaultSeverity,
        };
    }

    /// <summary>The descriptor with <paramref name="code"/>, or null.</summary>
    public static DiagnosticDescriptor? Find(string code)
    {
        foreach (var descriptor in All)
        {
            if (descriptor.Code == code) return descriptor;
        }

        return null;
    }

    /// <summary>WIT2001: an item (<paramref name="item"/>, e.g. <c>function 'f'</c>) without a doc comment.</summary>
    public static DiagnosticMessage MissingDocs(string item) => Wit2001.Message(() => $"{item} has no documentation comment ('///')");

    /// <summary>WIT2002: an item deprecated since <paramref name="version"/> whose docs name no replacement.</summary>
    public static DiagnosticMessage DeprecatedWithoutReplacement(string item, string version) =>
        Wit2002.Message(() => $"{item} is deprecated since {version} but its documentation does not say what to use instead");

    /// <summary>
    /// WIT2003: an export (<paramref name="function"/>, described) whose every call allocates in the callee, once per
    /// string or list among <paramref name="parameters"/>.
    /// </summary>
    public static DiagnosticMessage AllocatesPerCall(string function, IReadOnlyList<string> parameters) =>
        Wit2003.Message(() => $"every call to {function} makes the callee allocate with cabi_realloc: {Count(parameters.Count, "allocation")} at least, one per string or list in {Join(parameters)}, plus a copy of every byte passed");

    /// <summary>
    /// WIT2004: a function with <paramref name="flatParameters"/> flat parameters, more than <paramref name="maxFlat"/>,
    /// so <paramref name="bytes"/> bytes go through memory; for an export the callee also allocates that area.
    /// </summary>
    public static DiagnosticMessage ParametersSpilled(string function, long flatParameters, int maxFlat, long bytes, bool export) =>
        Wit2004.Message(() => $"{function} has {flatParameters.ToString(CultureInfo.InvariantCulture)} flat parameters, more than the {maxFlat.ToString(CultureInfo.InvariantCulture)} the Canonical ABI passes in registers: {Count(bytes, "byte")} are written to memory on every call"
            + (export ? " and the callee allocates the parameter area" : string.Empty));

    /// <summary>
    /// WIT2005: a function that copies <paramref name="parameterBytes"/> + <paramref name="resultBytes"/> bytes of
    /// fixed-size data per call, more than <paramref name="threshold"/>.
    /// </summary>
    public static DiagnosticMessage LargeCopy(string function, long parameterBytes, long resultBytes, long threshold) =>
        Wit2005.Message(() => $"{function} copies {Count(parameterBytes + resultBytes, "byte")} of fixed-size data through memory per call ({parameterBytes.ToString(CultureInfo.InvariantCulture)} of parameters, {resultBytes.ToString(CultureInfo.InvariantCulture)} of results), more than {threshold.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>WIT2006: a <c>list&lt;u8&gt;</c> parameter (<paramref name="parameter"/>) of a function.</summary>
    public static DiagnosticMessage ByteListParameter(string parameter, string function) =>
        Wit2006.Message(() => $"parameter '{parameter}' of {function} is a list<u8>: the whole buffer is copied (and allocated) on each call; a stream<u8> would let bulk data flow incrementally");

    /// <summary>WIT2006: a <c>list&lt;u8&gt;</c> result of a function.</summary>
    public static DiagnosticMessage ByteListResult(string function) =>
        Wit2006.Message(() => $"the result of {function} is a list<u8>: the whole buffer is copied (and allocated) on each call; a stream<u8> would let bulk data flow incrementally");

    /// <summary>WIT2007: an ungated item in a package (<paramref name="package"/>) that gates its others with <c>@since</c>.</summary>
    public static DiagnosticMessage MissingSince(string item, string package) =>
        Wit2007.Message(() => $"{item} has no @since or @unstable gate, but package {package} gates its other items with @since");

    /// <summary>
    /// WIT2008: a function stable since <paramref name="since"/> whose signature uses a type (<paramref name="type"/>)
    /// that is <c>@unstable</c> under <paramref name="feature"/>.
    /// </summary>
    public static DiagnosticMessage StableUsesUnstable(string function, string since, string type, string feature) =>
        Wit2008.Message(() => $"{function} is stable since {since} but uses type '{type}', which is @unstable(feature = {feature})");

    /// <summary>WIT2009: a name (<paramref name="name"/>) a <c>use</c> brings in that nothing refers to.</summary>
    public static DiagnosticMessage UnusedUse(string name) => Wit2009.Message(() => $"`{name}` is brought in by `use` but nothing refers to it");

    /// <summary>
    /// WIT2010: a member (<paramref name="name"/>) that starts with the name of its <paramref name="kind"/>
    /// (<paramref name="container"/>); <paramref name="shorter"/> is the name without that prefix.
    /// </summary>
    public static DiagnosticMessage StutteringName(string name, string kind, string container, string shorter) =>
        Wit2010.Message(() => $"`{name}` repeats the name of its {kind} `{container}`; bindings already qualify it (use `{shorter}`)");

    private static string Join(IReadOnlyList<string> names) => string.Join(", ", names.Select(n => "'" + n + "'"));

    private static string Count(long count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");
}
