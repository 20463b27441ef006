using System.Collections.Generic;
using System.Linq;
using Wit.Core.Diagnostics;

namespace Wit.Core.Semantics;

public sealed partial class WitResolver
{
    private static readonly ResolveOptions EveryFeature = new(allFeatures: true);

    /// <summary>
    /// wit-parser resolves every item of a package, whatever its gate, and leaves the gated-off ones out only when it
    /// links the package: an error inside a gated-off item, a name that clashes with one, or a package that only a
    /// gated-off item names is an error there too. The package is checked again with every feature on, against the
    /// packages resolved so far, and the errors of that check that wit-parser meets before linking (and "package not
    /// found", which it reports for gated-off paths as well) join the package's diagnostics, in that check's order.
    /// The model stays the one resolved with the chosen features.
    /// </summary>
    /// <param name="resolved">This package's resolution with the chosen features.</param>
    private void AddGatedOffErrors(UnresolvedPackage package, int start, PackageResolver resolved)
    {
        if (_options.AllFeatures) return;
        var linkTime = resolved.LinkTimeDiagnostics;
        var shadow = new WitResolver(EveryFeature) { _skippedEncodedPackages = _skippedEncodedPackages };
        foreach (var entry in _packages) shadow._packages[entry.Key] = entry.Value;
        shadow._knownPackageNames.AddRange(_knownPackageNames);
        shadow._model.Packages.AddRange(_model.Packages);
        var resolver = new PackageResolver(shadow, package);
        resolver.Resolve();
        resolved.ReportReferencesToExcludedAnonymousTypes(resolver, shadow._model);
        var found = shadow._model.Diagnostics
            .Where(d => !resolver.LinkTimeDiagnostics.ContainsKey(d) || resolver.UnknownPackageDiagnostics.Contains(d))
            .ToList();
        if (found.Count == 0) return;

        // Merge the two orders: this package's diagnostics keep theirs; one met only by the check with every feature
        // goes where that check met it, among those both met.
        var diagnostics = _model.Diagnostics;
        var own = diagnostics.GetRange(start, diagnostics.Count - start);
        var ownIndex = new Dictionary<(Text.SourceText?, int, string), int>();
        for (int i = own.Count - 1; i >= 0; i--) ownIndex[ReportKey(own[i])] = i;
        var merged = new List<Diagnostic>(own.Count + found.Count);
        int next = 0;
        foreach (var diagnostic in found)
        {
            if (ownIndex.TryGetValue(ReportKey(diagnostic), out int at))
            {
                for (; next <= at; next++) merged.Add(own[next]);
            }
            else if (_reported.Add(ReportKey(diagnostic)))
            {
                merged.Add(diagnostic);
                _model.DiagnosticOrders[diagnostic] = _current;
                if (resolver.UnknownPackageDiagnostics.Contains(diagnostic)) linkTime[diagnostic] = resolver.LinkTimeDiagnostics[diagnostic];
            }
        }

        for (; next < own.Count; next++) merged.Add(own[next]);
        diagnostics.RemoveRange(start, own.Count);
        diagnostics.AddRange(merged);
    }
}
