using System.Collections.Generic;
using Wit.Core.Diagnostics;

namespace Wit.Core.Semantics;

/// <summary>
/// The resolved model of a set of packages, in wit-parser's shape: arenas of worlds, interfaces, types and packages
/// (dependencies first), plus every diagnostic the resolver reported. Items whose resolution failed stay in the model
/// as error symbols, so questions about broken code still have answers.
/// </summary>
public sealed class WitModel
{
    public List<World> Worlds { get; } = new();

    public List<Interface> Interfaces { get; } = new();

    public List<TypeDefinition> Types { get; } = new();

    public List<Package> Packages { get; } = new();

    public List<Diagnostic> Diagnostics { get; } = new();

    /// <summary>Every resolved name reference, in resolution order.</summary>
    public List<SymbolReference> References { get; } = new();

    /// <summary>How many packages were taken over from a previous model instead of being resolved again.</summary>
    public int ReusedPackages { get; internal set; }

    /// <summary>Per resolved package (in resolution order), what it added: lets a later resolution reuse it.</summary>
    internal List<ResolvedPackageRecord> PackageRecords { get; } = new();

    /// <summary>The options and known package names this model was resolved with (reuse requires the same).</summary>
    internal ResolveOptions? Options { get; set; }

    internal List<PackageName> KnownPackageNames { get; } = new();

    /// <summary>Each diagnostic's place in wit-parser's order, which <see cref="Diagnostics"/> follows.</summary>
    internal Dictionary<Diagnostic, DiagnosticOrder> DiagnosticOrders { get; } = new();

    /// <summary>
    /// Whether wit-parser meets <paramref name="diagnostic"/> only once every package is parsed: while sorting the
    /// packages or linking them into its <c>Resolve</c> (references to other packages and to gated-off items, borrows
    /// in results, includes). Upstream reports those without the "failed to parse package" context it gives errors
    /// met while parsing a package.
    /// </summary>
    public bool IsMetAfterParsing(Diagnostic diagnostic) => DiagnosticOrders.TryGetValue(diagnostic, out var order) && order.Phase > 0;

    /// <summary>The symbol a reference at <paramref name="offset"/> of <paramref name="path"/> points to, or null.</summary>
    public SymbolReference? FindReference(string path, int offset)
    {
        foreach (var reference in References)
        {
            if (reference.Location.Path == path && reference.Location.Span.Start <= offset && offset <= reference.Location.Span.End) return reference;
        }

        return null;
    }
}
