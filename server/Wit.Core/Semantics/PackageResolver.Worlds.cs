using System.Collections.Generic;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Wit.Nodes;
using Wit.Core.Workspace;

namespace Wit.Core.Semantics;

/// <summary>Worlds: their types, imports and exports, then includes and the implicit imports of elaboration.</summary>
internal sealed partial class PackageResolver
{
    private World ResolveWorld(string name, WorldSyntax syntax, SourceFile file, SourceLocation location) =>
        InLinkStep(DiagnosticOrder.LinkWorld, () => ResolveWorldCore(name, syntax, file, location));

    private World ResolveWorldCore(string name, WorldSyntax syntax, SourceFile file, SourceLocation location)
    {
        var world = new World(name)
        {
            Package = _package,
            DocsOrSource = Docs.SourceOf(syntax),
            Stability = StabilityOf(syntax, location),
            Location = location,
        };
        var scope = new TypeScope(null, world);
        var members = syntax.Members.ToList();
        var typeMembers = members.Where(m => m is not WorldExternSyntax and not IncludeItemSyntax).ToList();
        var importKinds = new Dictionary<string, string>();
        var exportKinds = new Dictionary<string, string>();

        // wit-parser lists a world's imports as interfaces, then types, then functions, then the functions of
        // resources defined in the world; exports as functions, then interfaces.
        var importedInterfaces = new List<KeyValuePair<WorldKey, WorldItem>>();
        var importedTypes = new List<KeyValuePair<WorldKey, WorldItem>>();
        var importedFunctions = new List<KeyValuePair<WorldKey, WorldItem>>();
        var exportedInterfaces = new List<KeyValuePair<WorldKey, WorldItem>>();
        var exportedFunctions = new List<KeyValuePair<WorldKey, WorldItem>>();
        foreach (var type in ResolveTypeMembers(typeMembers.ConvertAll(m => new MemberSyntax(m)), typeMembers.Count, file, scope))
        {
            importedTypes.Add(new KeyValuePair<WorldKey, WorldItem>(WorldKey.Named(type.Name!), WorldItem.OfType(type)));
            importKinds[type.Name!] = "type";
        }

        // wit-parser looks up what a world includes after its types and before its imports and exports; the merging
        // waits for elaboration.
        foreach (var member in members)
        {
            if (member is not IncludeItemSyntax include || IsExcluded(member)) continue;
            if (include.Path is not { } pathSyntax || ParsedPath.From(pathSyntax, file) is not { } path) continue;
            StabilityOf(member, path.ItemLocation, reportGateVersion: false);
            var included = ResolveWorldReference(path, file, out bool excluded);
            _includeTargets[(file, member.Syntax.Position)] = (path, included, excluded);
        }

        var resourceFunctions = ResolveFunctions(typeMembers.Where(m => m is ResourceSyntax).Select(m => new MemberSyntax(m)).ToList(), file, scope)
            .Select(function => new KeyValuePair<WorldKey, WorldItem>(WorldKey.Named(function.Name), WorldItem.OfFunction(function))).ToList();

        // A foreign interface is the same item wherever it is named, found or not (wit-parser gives it an id before
        // linking looks for its package).
        var foreignPaths = new HashSet<(bool Import, string Path)>();
        foreach (var member in members)
        {
            if (member is not WorldExternSyntax external) continue;
            if (IsExcluded(member))
            {
                if (external.InlineInterface is { } excludedInline) ReportUngatedType(excludedInline.Members, file, "interface");
                continue;
            }

            bool import = external.IsImport;
            var list = import ? importedInterfaces : exportedInterfaces;
            var functions = import ? importedFunctions : exportedFunctions;
            var kinds = import ? importKinds : exportKinds;
            string direction = import ? "import" : "export";
            if (external.Name is { } nameToken)
            {
                string itemName = Names.Unescape(nameToken.Text);
                var itemLocation = Location(file, nameToken);
                var caseClash = kinds.ContainsKey(itemName) ? null : kinds.Keys.FirstOrDefault(k => string.Equals(k, itemName, System.StringComparison.OrdinalIgnoreCase));
                if (kinds.TryGetValue(itemName, out var prior) || caseClash is not null)
                {
                    // wit-parser resolves what the item names (its gate, its function type or interface) before it
                    // finds the name taken, and the case clash only once the world is resolved; the item is left out.
                    ResolveLeftOutExtern(external, member, itemName, itemLocation, file, scope);
                    if (prior is not null) Report(ResolveDiagnostics.ConflictsWithPrior(direction, itemName, prior), itemLocation);
                    else ReportAtLink(ResolveDiagnostics.ConflictsIgnoringCase(direction, itemName, name, caseClash!), itemLocation);
                    continue;
                }

                if (external.FunctionType is { } functionType)
                {
                    var kind = functionType.IsAsync ? FunctionKind.AsyncFreestanding : FunctionKind.Freestanding;
                    var function = BuildFunction(itemName, kind, null, Cursor(functionType.Syntax), null, new MemberSyntax(member), file, scope, new StoredLocation(itemLocation));
                    functions.Add(new KeyValuePair<WorldKey, WorldItem>(WorldKey.Named(itemName), WorldItem.OfFunction(function)));
                    kinds[itemName] = "func";
                }
                else if (external.InlineInterface is { } inline)
                {
                    // wit-parser reads an item's gate before what it names or holds.
                    var stability = StabilityOf(member, itemLocation);
                    var @interface = ResolveInterface(null, member, inline.Syntax, file, null);
                    @interface.Stability = stability;
                    list.Add(new KeyValuePair<WorldKey, WorldItem>(WorldKey.Named(itemName), WorldItem.OfInterface(@interface, stability, itemLocation)));
                    kinds[itemName] = "interface";
                }
                else if (external.Path is { } pathSyntax && ParsedPath.From(pathSyntax, file) is { } path)
                {
                    var stability = StabilityOf(member, itemLocation);
                    if (ResolveInterfaceReference(path, file) is not { } @interface) continue;
                    list.Add(new KeyValuePair<WorldKey, WorldItem>(WorldKey.Named(itemName), WorldItem.OfInterface(@interface, stability, path.ItemLocation)));
                    kinds[itemName] = "interface";
                }

                continue;
            }

            if (external.Path is not { } unnamedPath || ParsedPath.From(unnamedPath, file) is not { } parsed) continue;
            var targetStability = StabilityOf(member, parsed.ItemLocation);
            if (parsed.IsForeign && !foreignPaths.Add((import, $"{parsed.Package}/{parsed.ItemName}")))
            {
                Report(ResolveDiagnostics.InterfaceMoreThanOnce(direction), parsed.ItemLocation);
                continue;
            }

            if (ResolveInterfaceReference(parsed, file) is not { } target) continue;
            var key = WorldKey.Of(target);

            // wit-parser tells interfaces apart by path before linking: a path into another package (repeats were
            // caught above) is never a local interface, not even one of this package (`a:b/i` inside `a:b`, which is
            // reported as a dependency cycle instead).
            if (!parsed.IsForeign && list.Any(entry => entry.Key.Equals(key)))
            {
                Report(ResolveDiagnostics.InterfaceMoreThanOnce(direction), parsed.ItemLocation);
                continue;
            }

            list.Add(new KeyValuePair<WorldKey, WorldItem>(key, WorldItem.OfInterface(target, targetStability, parsed.ItemLocation)));
        }

        world.Imports.AddRange(importedInterfaces);
        world.Imports.AddRange(importedTypes);
        world.Imports.AddRange(importedFunctions);
        world.Imports.AddRange(resourceFunctions);
        world.Exports.AddRange(exportedFunctions);
        world.Exports.AddRange(exportedInterfaces);
        _resolver.AddWorld(world);
        return world;
    }

    /// <summary>
    /// Merges included worlds (with renames), then adds the interfaces that imported and exported interfaces depend on
    /// as imports, before the items that need them.
    /// </summary>
    private void ElaborateWorld(World world, WorldSyntax syntax, SourceFile file) =>
        InLinkStep(DiagnosticOrder.LinkWorld, () => ElaborateWorldCore(world, syntax, file));

    private void ElaborateWorldCore(World world, WorldSyntax syntax, SourceFile file)
    {
        bool clashReported = false;
        foreach (var member in syntax.Members)
        {
            if (member is not IncludeItemSyntax include || !_includeTargets.TryGetValue((file, member.Syntax.Position), out var target)) continue;
            var (path, included, excluded) = target;

            // wit-parser reads each include's gate, then maps the world it names, as it applies the include, after the
            // includes before it.
            ReportGateVersion(SinceVersion(member), path.ItemLocation);
            if (excluded) ReportAtLink(ResolveDiagnostics.ExcludedByFeature("world"), path.ItemLocation);
            if (included is null || ReferenceEquals(included, world)) continue;
            var renames = new Dictionary<string, (string To, SourceLocation Location)>();
            foreach (var rename in include.Renames)
            {
                if (rename.Name is { } from && rename.Alias is { } to) renames[Names.Unescape(from.Text)] = (Names.Unescape(to.Text), path.ItemLocation);
            }

            foreach (var pair in renames)
            {
                bool found = included.Imports.Concat(included.Exports).Any(e => e.Key.Name == pair.Key);
                if (!found)
                {
                    ReportAtLink(ResolveDiagnostics.NoKebabNameToRename(pair.Key), pair.Value.Location);
                }
            }

            var copies = new IncludeCopier(this, included, world, renames.ToDictionary(r => r.Key, r => r.Value.To));
            bool external = !ReferenceEquals(included.Package, world.Package);
            MergeInclude(world.Imports, copies.Copy(included.Imports), renames, "import", path.ItemLocation, external);
            MergeInclude(world.Exports, copies.Copy(included.Exports), renames, "export", path.ItemLocation, external);

            // wit-parser checks a world's names for case-insensitive clashes once its includes are in (it reports no
            // location; the include that brought the clash in is the closest one).
            if (!clashReported) clashReported = ReportCaseClash(world, world.Imports, "import", path.ItemLocation) || ReportCaseClash(world, world.Exports, "export", path.ItemLocation);
        }

        // Names that differ only in case among the world's own items (two types, say); then what only the component
        // model's validator refuses: names and interface ids that differ in dashes too (`a-b`, `ab`; `a:b/i`, `a:b/I`).
        if (!clashReported)
        {
            clashReported = ReportCaseClash(world, world.Imports, "import", world.Location!, itemLocation: true)
                || ReportCaseClash(world, world.Exports, "export", world.Location!, itemLocation: true);
        }

        CheckWorldNames(world, world.Imports, "import");
        CheckWorldNames(world, world.Exports, "export");

        if (WorldElaboration.Elaborate(world) is { } conflict)
        {
            string name = conflict.Interface?.QualifiedName ?? conflict.Name!;
            ReportAtLink(ResolveDiagnostics.IncompatibleTransitiveDependency(name), world.Location);
        }
    }

    /// <summary>
    /// Adds an included world's items. An interface both worlds import is one item whose gate merges as
    /// wit-parser's <c>merge_include_stability</c> does: a stable gate from another package is dropped (the including
    /// package decides its own), an unknown gate takes the other one, and two different gates are an error.
    /// </summary>
    private void MergeInclude(List<KeyValuePair<WorldKey, WorldItem>> into, List<KeyValuePair<WorldKey, WorldItem>> from,
        Dictionary<string, (string To, SourceLocation Location)> renames, string direction, SourceLocation location, bool external)
    {
        foreach (var entry in from)
        {
            var key = entry.Key;
            if (key.Name is { } plain && renames.TryGetValue(plain, out var renamed)) key = WorldKey.Named(renamed.To);
            int existing = into.FindIndex(e => e.Key.Equals(key));
            var item = entry.Value;

            // An interface named by its id merges with the same import or export: their gates must agree, except that
            // a stable gate from another package's world is dropped (wit-parser's merge_include_stability).
            if (key.Name is null && item.Interface is { } @interface)
            {
                var current = existing >= 0 ? into[existing].Value : item;
                var stability = MergeIncludeStability(item, current.Stability, external, location);
                var merged = ReferenceEquals(stability, current.Stability) ? current : WorldItem.OfInterface(@interface, stability, current.Location);
                if (existing >= 0) into[existing] = new KeyValuePair<WorldKey, WorldItem>(key, merged);
                else into.Add(new KeyValuePair<WorldKey, WorldItem>(key, merged));
                continue;
            }

            if (existing >= 0)
            {
                ReportAtLink(ResolveDiagnostics.IncludeShadows(direction, key.ToString()), location);
                continue;
            }

            into.Add(new KeyValuePair<WorldKey, WorldItem>(key, item));
        }
    }

    /// <summary>Where a world's item is written: the name it is imported or exported under, or its type's or function's name.</summary>
    private static SourceLocation? PlaceOf(WorldItem item) => item.Location ?? item.Type?.Location ?? item.Function?.Location;

    /// <summary>
    /// Resolves a named import or export that is left out because its name is taken, for what is wrong in it (its gate,
    /// the types its function names, the interface it names or holds), as wit-parser does before it finds the name taken.
    /// </summary>
    private void ResolveLeftOutExtern(WorldExternSyntax external, WitNode member, string itemName, SourceLocation itemLocation, SourceFile file, TypeScope scope)
    {
        if (external.FunctionType is { } function)
        {
            BuildFunction(itemName, function.IsAsync ? FunctionKind.AsyncFreestanding : FunctionKind.Freestanding, null, Cursor(function.Syntax), null, new MemberSyntax(member), file, scope, new StoredLocation(itemLocation));
        }
        else if (external.InlineInterface is { } inline)
        {
            StabilityOf(member, itemLocation);
            ResolveInterface(null, member, inline.Syntax, file, null);
        }
        else if (external.Path is { } path && ParsedPath.From(path, file) is { } target)
        {
            StabilityOf(member, itemLocation);
            ResolveInterfaceReference(target, file);
        }
    }

    /// <summary>The gate an included interface leaves on the world's item; a mismatch is reported where it was included from.</summary>
    private Stability MergeIncludeStability(WorldItem from, Stability into, bool external, SourceLocation includeLocation)
    {
        var stability = from.Stability;
        if (external && stability.Since is not null) return Stability.Unknown;
        if (stability.IsUnknown || stability.SameAs(into)) return into;
        if (into.IsUnknown) return stability;
        ReportAtLink(ResolveDiagnostics.StabilityMismatch(stability.ToDebugString(), into.ToDebugString()), from.Location ?? includeLocation);
        return into;
    }

    /// <summary>Reports the first import (or export) whose name equals an earlier one but for case; true when reported.</summary>
    /// <param name="itemLocation">Whether the clashing item's own place is reported, where it has one (else <paramref name="location"/>).</param>
    private bool ReportCaseClash(World world, List<KeyValuePair<WorldKey, WorldItem>> items, string direction, SourceLocation location, bool itemLocation = false)
    {
        var seen = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var entry in items)
        {
            if (entry.Key.Name is not { } name) continue;
            if (seen.TryGetValue(name, out var earlier) && earlier != name)
            {
                ReportAtLink(ResolveDiagnostics.ConflictsIgnoringCase(direction, name, world.Name, earlier), itemLocation ? PlaceOf(entry.Value) ?? location : location);
                return true;
            }

            seen[name] = name;
        }

        return false;
    }

    /// <param name="excluded">
    /// Set when the path names a world of this package that is gated off: the caller reports it where wit-parser maps
    /// the world (as it applies the include).
    /// </param>
    private World? ResolveWorldReference(ParsedPath path, SourceFile file, out bool excluded)
    {
        excluded = false;
        if (path.IsForeign)
        {
            if (!NoteForeignKind(path, isWorld: true)) return null;
            var package = ForeignPackage(path, DiagnosticOrder.LinkForeignWorld);
            if (package is null) return null;
            if (package.Worlds.TryGetValue(path.ItemName, out var foreignWorld)) return Referenced(path, foreignWorld);
            ReportAtLink(ResolveDiagnostics.WorldNotFoundInPackage(path.ItemName, package.Name.ToString()), path.ItemLocation, DiagnosticOrder.LinkForeignWorld);
            return null;
        }

        var target = LookupLocal(path.ItemName, file);
        if (target is null)
        {
            Report(ResolveDiagnostics.InterfaceOrWorldDoesNotExist(path.ItemName), path.ItemLocation);
            return null;
        }

        if (target.Value.Foreign is { } aliased) return NoteForeignKind(aliased, isWorld: true, path) ? ResolveWorldReference(aliased, file, out excluded) : null;
        var local = target.Value.Local!;
        if (!local.IsWorld)
        {
            Report(ResolveDiagnostics.InterfaceWhereWorldExpected(path.ItemName), path.ItemLocation);
            return null;
        }

        if (local.Excluded)
        {
            excluded = true;
            return null;
        }

        return local.World is null ? null : Referenced(path, local.World);
    }
}
