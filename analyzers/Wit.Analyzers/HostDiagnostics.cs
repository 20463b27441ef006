using Microsoft.CodeAnalysis;

namespace Wit.Analyzers;

/// <summary>
/// The catalogue of <c>WITH</c> codes: <c>WITH00xx</c> from the source generator (the WIT input and what the bindings
/// cannot express yet), <c>WITH01xx</c> from the analyzers of host code. The generator keeps its problems as values
/// (<see cref="Generation.GeneratorProblem"/>) and makes them diagnostics of these descriptors when it reports them. Each code has a page in
/// <c>docs/analyzers/</c> and a line in <c>AnalyzerReleases.Unshipped.md</c>; codes are never reused.
/// </summary>
internal static class HostDiagnostics
{
    private const string Category = "Wit.Hosting";

    private static string HelpLink(string id) => $"https://github.com/wit-language-tools/wit-language-tools/blob/main/docs/analyzers/{id}.md";

    /// <summary>An error in the WIT the <c>Wit</c> item points to, reported where the resolver found it.</summary>
    public static readonly DiagnosticDescriptor With0001 = new(
        "WITH0001", "WIT error", "{0}: {1}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink("WITH0001"));

    /// <summary>The <c>World</c> metadata names no world of the WIT package.</summary>
    public static readonly DiagnosticDescriptor With0002 = new(
        "WITH0002", "World not found", "World `{0}` not found in {1}{2}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink("WITH0002"));

    /// <summary>A <c>Wit</c> item without <c>World</c> metadata.</summary>
    public static readonly DiagnosticDescriptor With0003 = new(
        "WITH0003", "Wit item without a world", "The Wit item {0} names no world: add World=\"ns:pkg/world\"", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink("WITH0003"));

    /// <summary>A function or type the bindings cannot express yet (async, future, stream, error-context).</summary>
    public static readonly DiagnosticDescriptor With0004 = new(
        "WITH0004", "WIT item not supported yet", "No C# binding is generated for {0} `{1}` yet: {2}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink("WITH0004"));

    /// <summary>The <c>World</c> names a package loaded in several versions without one, or in a version not loaded.</summary>
    public static readonly DiagnosticDescriptor With0005 = new(
        "WITH0005", "Ambiguous or missing version", "World `{0}`: {1}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink("WITH0005"));

    /// <summary>A <c>Wit</c> item whose path reaches no <c>.wit</c> file.</summary>
    public static readonly DiagnosticDescriptor With0006 = new(
        "WITH0006", "No .wit file", "The Wit item `{0}` reaches no .wit file: no bindings are generated for it", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink("WITH0006"));

    /// <summary>A host class that does not implement every interface its world imports.</summary>
    public static readonly DiagnosticDescriptor With0101 = new(
        "WITH0101", "Host does not implement an imported interface",
        "'{0}' hosts world `{1}` but does not implement its import{2} {3}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink("WITH0101"));

    /// <summary>A host class's method that looks like a misspelled import (an interface method left unimplemented).</summary>
    public static readonly DiagnosticDescriptor With0102 = new(
        "WITH0102", "Method looks like a misspelled import",
        "'{0}' implements no import of world `{1}`: did you mean {2}?", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink("WITH0102"));
}
