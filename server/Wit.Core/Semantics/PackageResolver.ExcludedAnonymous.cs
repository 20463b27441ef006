using System.Collections.Generic;
using System.Linq;
using Wit.Core.Diagnostics;

namespace Wit.Core.Semantics;

/// <summary>Anonymous types that wit-parser leaves out of a package because a gated-off definition made them first.</summary>
internal sealed partial class PackageResolver
{
    /// <summary>
    /// wit-parser makes one anonymous type per shape and package (<c>anon_type_def</c>), in the order it resolves the
    /// package, gated-off items included, and gives a new one the gate of the type definition it is made in
    /// (<c>find_stability</c>): in <c>@unstable(feature = x) type t = list&lt;list&lt;u32&gt;&gt;</c> the inner
    /// <c>list&lt;u32&gt;</c> takes the gate. With <c>x</c> off that type is left out when the package is linked, and
    /// every later <c>list&lt;u32&gt;</c> of the package is that same type: an item kept that uses one is "a reference
    /// to a type which is excluded", and every tool built on wit-parser rejects the package.
    /// </summary>
    /// <remarks>
    /// This resolution skips gated-off definitions, so it makes such a type at its first use by an item kept. The
    /// resolution of the same package with every feature on (<paramref name="everyFeature"/>, whose model is
    /// <paramref name="model"/>) makes every anonymous type where wit-parser does: its items are read as wit-parser's
    /// linking goes, with this resolution's features deciding what is kept, and each use by an item kept of a type
    /// whose gate is off is reported here where linking meets it: a record's field, else the type (an anonymous type
    /// kept because of a gate of its own, where it is first written), then the functions of each interface kept and
    /// of each world kept. It reads nothing of this resolution's items, so it holds when they were taken over from a
    /// previous check.
    /// </remarks>
    internal void ReportReferencesToExcludedAnonymousTypes(PackageResolver everyFeature, WitModel model)
    {
        var excluded = new HashSet<TypeDefinition>();
        foreach (var type in model.Types)
        {
            if (type.Name is null && IsGatedOff(type.Stability)) excluded.Add(type);
        }

        if (excluded.Count == 0) return;
        bool Excluded(WitType? type) => type?.Definition is { } definition && excluded.Contains(definition);

        foreach (var type in model.Types)
        {
            if (IsGatedOff(type.Stability)) continue;
            if (type.Kind == TypeDefinitionKind.Record && type.Name is not null)
            {
                foreach (var field in type.Members)
                {
                    if (Excluded(field.Type)) ReportExcludedType(field.Location ?? type.Location);
                }
            }
            else if (TypeArenaOrder.FieldTypes(type).Any(Excluded))
            {
                if (type.Name is not null) ReportExcludedType(type.Location);
                else if (everyFeature._gatedAnonymousAt.TryGetValue(type, out var at)) ReportExcludedType(at.Value);
            }
        }

        foreach (var @interface in model.Interfaces)
        {
            if (IsGatedOff(@interface.Stability)) continue;
            int rank = InterfaceRank(@interface.Name);
            foreach (var function in @interface.Functions.Values)
            {
                // Among the diagnostics of linking this interface's functions: after the function's own gate.
                if (ReportIfUses(function, DiagnosticOrder.LinkInterface) is { } diagnostic && function.Location is { } at)
                {
                    LinkPositions[diagnostic] = LinkPosition(rank, at.Span.Start);
                }
            }
        }

        foreach (var world in model.Worlds)
        {
            if (IsGatedOff(world.Stability)) continue;
            foreach (var item in world.Imports) ReportIfUses(item.Value.Function, DiagnosticOrder.LinkWorld);
            foreach (var item in world.Exports) ReportIfUses(item.Value.Function, DiagnosticOrder.LinkWorld);
        }

        Diagnostic? ReportIfUses(Function? function, int step)
        {
            if (function is null || IsGatedOff(function.Stability)) return null;
            bool uses = Excluded(function.Result);
            foreach (var parameter in function.Parameters) uses |= Excluded(parameter.Type);
            return uses ? ReportExcludedType(function.Location, step) : null;
        }
    }

    private Diagnostic? ReportExcludedType(SourceLocation? at, int step = DiagnosticOrder.LinkType) =>
        ReportAtLink(ResolveDiagnostics.ExcludedByFeature("type"), at, step);

    /// <summary>Whether a gate leaves its item out with this resolution's features.</summary>
    private bool IsGatedOff(Stability stability) => stability.Feature is { } feature && !_resolver.Options.IsEnabled(feature);
}
