using System.Collections.Generic;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Wit.Nodes;
using Wit.Core.Workspace;

namespace Wit.Core.Semantics;

/// <summary>Worlds: their types, imports and exports, then includes and the implicit imports of elaboration.</summary>
internal sealed partial class PackageResolver
{
    private World ResolveWorld(string name, WorldSyntax syntax, SourceFile file, SourceLocation location)
    {
        var world = new World(name)
        {
            Package = _package,
            Docs = Docs.Of(syntax),
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
        foreach (var type in ResolveTypeMembers(typeMembers, file, scope))
        {
            importedTypes.Add(new KeyValuePair<WorldKey, WorldItem>(WorldKey.Named(type.Name!), WorldItem.OfType(type)));
            importKinds[type.Name!] = "type";
        }

        var resourceFunctions = ResolveFunctions(typeMembers.Where(m => m is ResourceSyntax).ToList(), file, scope)
            .Select(function => new KeyValuePair<WorldKey, WorldItem>(WorldKey.Named(function.Name), WorldItem.OfFunction(function))).ToList();

        foreach (var member in members)
        {
            if (member is not WorldExternSyntax external || IsExcluded(member)) continue;
            bool import = external.IsImport;
            var list = import ? importedInterfaces : exportedInterfaces;
            var functions = import ? importedFunctions : exportedFunctions;
            var kinds = import ? importKinds : exportKinds;
            string direction = import ? "import" : "export";
            if (external.Name is { } nameToken)
            {
                string itemName = Names.Unescape(nameToken.Text);
                var itemLocation = Location(file, nameToken);
                if (kinds.TryGetValue(itemName, out var prior))
                {
                    Report(ResolveDiagnostics.WorldConflict, $"{direction} `{itemName}` conflicts with prior {prior} of same name", itemLocation);
                    continue;
                }

                var caseClash = kinds.Keys.FirstOrDefault(k => string.Equals(k, itemName, System.StringComparison.OrdinalIgnoreCase));
                if (caseClash is not null)
                {
                    Report(ResolveDiagnostics.WorldConflict,
                        $"{direction} `{itemName}` in world `{name}` conflicts with {direction} `{caseClash}` (kebab-case identifiers are case-insensitive)", itemLocation);
                    continue;
                }

                if (external.FunctionType is { } functionType)
                {
                    var kind = functionType.IsAsync ? FunctionKind.AsyncFreestanding : FunctionKind.Freestanding;
                    var function = BuildFunction(itemName, kind, null, functionType.Parameters, functionType.Result, member, file, scope, itemLocation);
                    functions.Add(new KeyValuePair<WorldKey, WorldItem>(WorldKey.Named(itemName), WorldItem.OfFunction(function)));
                    kinds[itemName] = "func";
                }
                else if (external.InlineInterface is { } inline)
                {
                    var @interface = ResolveInterface(null, member, inline.Members, file, null);
                    var stability = StabilityOf(member, itemLocation);
                    @interface.Stability = stability;
                    list.Add(new KeyValuePair<WorldKey, WorldItem>(WorldKey.Named(itemName), WorldItem.OfInterface(@interface, stability)));
                    kinds[itemName] = "interface";
                }
                else if (external.Path is { } pathSyntax && ParsedPath.From(pathSyntax, file) is { } path)
                {
                    if (ResolveInterfaceReference(path, file) is not { } @interface) continue;
                    list.Add(new KeyValuePair<WorldKey, WorldItem>(WorldKey.Named(itemName), WorldItem.OfInterface(@interface, StabilityOf(member, itemLocation))));
                    kinds[itemName] = "interface";
                }

                continue;
            }

            if (external.Path is not { } unnamedPath || ParsedPath.From(unnamedPath, file) is not { } parsed) continue;
            if (ResolveInterfaceReference(parsed, file) is not { } target) continue;
            var key = WorldKey.Of(target);
            if (list.Any(entry => entry.Key.Equals(key)))
            {
                Report(ResolveDiagnostics.WorldConflict, $"interface cannot be {direction}ed more than once", parsed.ItemLocation);
                continue;
            }

            list.Add(new KeyValuePair<WorldKey, WorldItem>(key, WorldItem.OfInterface(target, StabilityOf(member, parsed.ItemLocation))));
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
    private void ElaborateWorld(World world, WorldSyntax syntax, SourceFile file)
    {
        foreach (var member in syntax.Members)
        {
            if (member is not IncludeItemSyntax include || IsExcluded(member)) continue;
            if (include.Path is not { } pathSyntax || ParsedPath.From(pathSyntax, file) is not { } path) continue;
            StabilityOf(member, path.ItemLocation);
            var included = ResolveWorldReference(path, file);
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
                    Report(ResolveDiagnostics.IncludeError, $"no import or export kebab-name `{pair.Key}`. Note that an ID does not support renaming", pair.Value.Location);
                }
            }

            var copies = new IncludeCopier(this, included, world, renames.ToDictionary(r => r.Key, r => r.Value.To));
            MergeInclude(world.Imports, copies.Copy(included.Imports), renames, "import", path.ItemLocation);
            MergeInclude(world.Exports, copies.Copy(included.Exports), renames, "export", path.ItemLocation);
        }

        AddImplicitImports(world);
        CheckExportDependencies(world);
    }

    /// <summary>
    /// An exported interface's dependencies that are not exported are imported; if such an imported interface itself
    /// depends on an exported one, the export is impossible to instantiate (wit-parser's "incompatible ways").
    /// </summary>
    private void CheckExportDependencies(World world)
    {
        var exported = new HashSet<Interface>(world.Exports.Where(e => e.Value.Interface is not null).Select(e => e.Value.Interface!));
        foreach (var export in world.Exports)
        {
            if (export.Value.Interface is not { } @interface) continue;
            foreach (var dependency in DependencyClosure(export.Value))
            {
                if (ReferenceEquals(dependency, @interface) || exported.Contains(dependency)) continue;
                bool reachesExport = DependencyClosure(WorldItem.OfInterface(dependency, Stability.Unknown))
                    .Any(d => !ReferenceEquals(d, dependency) && exported.Contains(d));
                if (!reachesExport) continue;
                Report(ResolveDiagnostics.WorldConflict, $"interface `{@interface.QualifiedName}` transitively depends on an interface in incompatible ways", world.Location);
                return;
            }
        }
    }

    private void MergeInclude(List<KeyValuePair<WorldKey, WorldItem>> into, List<KeyValuePair<WorldKey, WorldItem>> from,
        Dictionary<string, (string To, SourceLocation Location)> renames, string direction, SourceLocation location)
    {
        foreach (var entry in from)
        {
            var key = entry.Key;
            if (key.Name is { } plain && renames.TryGetValue(plain, out var renamed)) key = WorldKey.Named(renamed.To);
            int existing = into.FindIndex(e => e.Key.Equals(key));
            if (existing >= 0)
            {
                if (into[existing].Value.Interface is { } a && ReferenceEquals(a, entry.Value.Interface)) continue;
                Report(ResolveDiagnostics.IncludeError, $"{direction} of `{key}` shadows previously {direction}ed items", location);
                continue;
            }

            into.Add(new KeyValuePair<WorldKey, WorldItem>(key, entry.Value));
        }
    }

    private World? ResolveWorldReference(ParsedPath path, SourceFile file)
    {
        if (path.IsForeign)
        {
            if (!NoteForeignKind(path, isWorld: true)) return null;
            var package = ForeignPackage(path);
            if (package is null) return null;
            if (package.Worlds.TryGetValue(path.ItemName, out var foreignWorld)) return Referenced(path, foreignWorld);
            Report(ResolveDiagnostics.NotFoundInPackage, $"world '{path.ItemName}' not found in package '{package.Name}'", path.ItemLocation);
            return null;
        }

        var target = LookupLocal(path.ItemName, file);
        if (target is null) return null;
        if (target.Value.Foreign is { } aliased) return NoteForeignKind(aliased, isWorld: true, path) ? ResolveWorldReference(aliased, file) : null;
        var local = target.Value.Local!;
        if (!local.IsWorld)
        {
            Report(ResolveDiagnostics.WrongKind, $"name `{path.ItemName}` is defined as an interface, not a world", path.ItemLocation);
            return null;
        }

        if (local.Excluded)
        {
            Report(ResolveDiagnostics.FeatureGate, "found a reference to a world which is excluded due to its feature not being activated", path.ItemLocation);
            return null;
        }

        return local.World is null ? null : Referenced(path, local.World);
    }

    /// <summary>
    /// Every interface an imported item depends on (through <c>use</c>) is imported before it; interfaces exported
    /// interfaces depend on are imported unless they are exported too.
    /// </summary>
    private static void AddImplicitImports(World world)
    {
        var imports = new List<KeyValuePair<WorldKey, WorldItem>>();
        void AddWithDependencies(KeyValuePair<WorldKey, WorldItem> entry)
        {
            foreach (var dependency in DependencyClosure(entry.Value))
            {
                var key = WorldKey.Of(dependency);
                if (!imports.Any(e => e.Key.Equals(key)) && !ReferenceEquals(dependency, entry.Value.Interface))
                {
                    imports.Add(new KeyValuePair<WorldKey, WorldItem>(key, WorldItem.OfInterface(dependency, Stability.Unknown)));
                }
            }

            if (!imports.Any(e => e.Key.Equals(entry.Key))) imports.Add(entry);
        }

        foreach (var entry in world.Imports) AddWithDependencies(entry);
        foreach (var export in world.Exports)
        {
            foreach (var dependency in DependencyClosure(export.Value))
            {
                if (ReferenceEquals(dependency, export.Value.Interface)) continue;
                if (world.Exports.Any(e => ReferenceEquals(e.Value.Interface, dependency))) continue;
                var key = WorldKey.Of(dependency);
                if (!imports.Any(e => e.Key.Equals(key))) AddWithDependencies(new KeyValuePair<WorldKey, WorldItem>(key, WorldItem.OfInterface(dependency, Stability.Unknown)));
            }
        }

        world.Imports.Clear();
        world.Imports.AddRange(imports);
    }

    /// <summary>The named interfaces an item's types come from, dependencies first (the item's own interface last).</summary>
    private static List<Interface> DependencyClosure(WorldItem item)
    {
        var roots = new List<Interface>();
        if (item.Interface is { } @interface) roots.Add(@interface);
        else if (item.Type is { } type && ForeignOwner(type) is { } owner) roots.Add(owner);
        else if (item.Function is { } function)
        {
            foreach (var parameter in function.Parameters)
            {
                if (parameter.Type?.Definition is { } d && ForeignOwner(d) is { } o) roots.Add(o);
            }
        }

        return TopologicalSort.Sort<Interface, bool>(roots, DirectDependencies, (_, _, _) => { })
            .Where(i => i.Name is not null || ReferenceEquals(i, item.Interface)).ToList();
    }

    private static Interface? ForeignOwner(TypeDefinition type) =>
        type.Kind == TypeDefinitionKind.Alias && type.Element?.Definition is { } target ? target.Owner.Interface : null;

    private static IEnumerable<(Interface, bool)> DirectDependencies(Interface @interface)
    {
        var result = new List<(Interface, bool)>();
        foreach (var type in @interface.Types.Values)
        {
            if (ForeignOwner(type) is { } owner && !ReferenceEquals(owner, @interface) && !result.Any(r => ReferenceEquals(r.Item1, owner))) result.Add((owner, true));
        }

        return result;
    }
}
