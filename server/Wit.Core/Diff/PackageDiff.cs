using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Wit.Core.Semantics;

namespace Wit.Core.Diff;

/// <summary>
/// Compares two versions of a resolved package and classifies every API difference under semver. Items are matched by
/// name, never by index; types are compared by structure (named types by name and structure, memoised so shared and
/// cyclic references terminate).
/// <para>
/// The rule, one for both sides of a boundary: a change is compatible when an implementation of the new version can
/// stand in wherever the old version was expected (what the component model's semver matching does: an import of
/// <c>1.0.0</c> is satisfied by <c>1.1.0</c>). Code built against the old version, calling or called, keeps working;
/// an implementer that moves to the new version has new items to provide, as with any minor release. So an added
/// function, resource method, constructor or static function is compatible alike (the line says implementers must
/// add it), and so is an added world import or export; anything removed or changed is breaking.
/// </para>
/// <list type="bullet">
/// <item>Breaking: a removed interface, world, function (resource methods included), type, record field, variant or
/// enum case or flag; a changed parameter list (count, names, types; a method's <c>self</c> not counted), result,
/// function kind, field or payload type, type kind or member order; an added record field, variant or enum case or
/// flag (component-model records, variants, enums and flags are closed: values cross the boundary both ways, so an
/// old peer meets a shape it cannot read); a removed world import or export. A removed resource is one change: its
/// methods go with it.</item>
/// <item>Compatible: an added interface, world, function (resource functions included), type, world import or
/// export.</item>
/// <item>Warning: an added item without <c>@since</c> (or <c>@unstable</c>) in a package that uses <c>@since</c>
/// elsewhere.</item>
/// </list>
/// </summary>
public static class PackageDiff
{
    /// <summary>Compares <paramref name="oldPackage"/> with <paramref name="newPackage"/>.</summary>
    public static DiffResult Compare(Package oldPackage, Package newPackage)
    {
        var comparer = new Comparer(newPackage);
        comparer.ComparePackages(oldPackage, newPackage);
        return new DiffResult(comparer.Changes, oldPackage.Name.Version, newPackage.Name.Version);
    }

    private sealed class Comparer
    {
        private readonly Dictionary<(long, long), bool> _memo = new();
        private readonly bool _usesSince;
        private readonly string? _newVersion;
        private readonly string _packageName;

        public Comparer(Package newPackage)
        {
            _usesSince = UsesSince(newPackage);
            _newVersion = newPackage.Name.Version;
            _packageName = newPackage.Name.WithoutVersion;
        }

        public List<ApiChange> Changes { get; } = new();

        public void ComparePackages(Package oldPackage, Package newPackage)
        {
            foreach (var entry in oldPackage.Interfaces)
            {
                if (newPackage.Interfaces.TryGetValue(entry.Key, out var added)) CompareInterfaces(entry.Key, entry.Value, added);
                else Breaking(entry.Key, "interface removed", entry.Value.Location, null);
            }

            foreach (var entry in newPackage.Interfaces)
            {
                if (oldPackage.Interfaces.ContainsKey(entry.Key)) continue;
                Compatible(entry.Key, "interface added", entry.Value.Location, entry.Value.Stability);
            }

            foreach (var entry in oldPackage.Worlds)
            {
                if (newPackage.Worlds.TryGetValue(entry.Key, out var added)) CompareWorlds(entry.Value, added);
                else Breaking("world " + entry.Key, "world removed", entry.Value.Location, null);
            }

            foreach (var entry in newPackage.Worlds)
            {
                if (oldPackage.Worlds.ContainsKey(entry.Key)) continue;
                Compatible("world " + entry.Key, "world added", entry.Value.Location, entry.Value.Stability);
            }
        }

        private void CompareInterfaces(string path, Interface oldInterface, Interface newInterface)
        {
            CompareStability(path, oldInterface.Stability, newInterface.Stability, oldInterface.Location, newInterface.Location);
            foreach (var entry in oldInterface.Types)
            {
                string typePath = path + "." + entry.Key;
                if (newInterface.Types.TryGetValue(entry.Key, out var added)) CompareNamedTypes(typePath, entry.Value, added);
                else Breaking(typePath, $"{TypeNoun(entry.Value)} removed", entry.Value.Location, null);
            }

            foreach (var entry in newInterface.Types)
            {
                if (oldInterface.Types.ContainsKey(entry.Key)) continue;
                Compatible(path + "." + entry.Key, $"{TypeNoun(entry.Value)} added", entry.Value.Location, entry.Value.Stability);
            }

            // A removed resource is reported once; its methods are not listed again.
            var removedResources = new HashSet<string>(oldInterface.Types
                .Where(t => t.Value.Kind == TypeDefinitionKind.Resource && !(newInterface.Types.TryGetValue(t.Key, out var kept) && kept.Kind == TypeDefinitionKind.Resource))
                .Select(t => t.Key));
            var oldFunctions = oldInterface.Functions.Values.Where(f => f.Resource?.Name is not { } r || !removedResources.Contains(r)).ToList();
            var newFunctions = newInterface.Functions.Values.ToList();
            CompareFunctionLists(path, oldFunctions, newFunctions);
        }

        private void CompareFunctionLists(string path, IReadOnlyList<Function> oldFunctions, IReadOnlyList<Function> newFunctions)
        {
            var byName = newFunctions.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.First());
            var oldNames = new HashSet<string>(oldFunctions.Select(f => f.Name));
            foreach (var function in oldFunctions)
            {
                string functionPath = path + "." + FunctionPath(function);
                if (byName.TryGetValue(function.Name, out var added)) CompareFunctions(functionPath, function, added);
                else Breaking(functionPath, $"{FunctionNoun(function)} removed", function.Location, null);
            }

            foreach (var function in newFunctions)
            {
                if (oldNames.Contains(function.Name)) continue;
                string functionPath = path + "." + FunctionPath(function);
                // The same rule as a function added to an interface (see the class comment): callers of the old version
                // are unaffected, implementers of the new one add it. A function of a resource that is new itself is
                // part of that addition.
                bool onExistingResource = function.Resource is { Name: { } resource } && oldFunctions.Any(f => f.Resource?.Name == resource);
                // Methods of a resource gated as a whole need no gate of their own.
                var stability = function.Stability.IsUnknown && function.Resource is { Stability.IsUnknown: false } gated ? gated.Stability : function.Stability;
                string added = onExistingResource ? $"{FunctionNoun(function)} added (implementers of the resource must add it)" : $"{FunctionNoun(function)} added";
                Compatible(functionPath, added, function.Location, stability);
            }
        }

        private void CompareFunctions(string path, Function oldFunction, Function newFunction)
        {
            var oldAt = oldFunction.Location;
            var newAt = newFunction.Location;
            CompareStability(path, oldFunction.Stability, newFunction.Stability, oldAt, newAt);
            if (oldFunction.Kind != newFunction.Kind)
            {
                Breaking(path, $"function kind changed from {KindText(oldFunction.Kind)} to {KindText(newFunction.Kind)}", oldAt, newAt);
            }

            // A method's implicit `self` is not a parameter the author wrote: counts and ordinals leave it out.
            var oldParameters = WrittenParameters(oldFunction);
            var newParameters = WrittenParameters(newFunction);
            if (oldParameters.Count != newParameters.Count)
            {
                Breaking(path, $"parameter count changed from {Count(oldParameters.Count)} to {Count(newParameters.Count)}", oldAt, newAt);
            }

            for (int i = 0; i < System.Math.Min(oldParameters.Count, newParameters.Count); i++)
            {
                var oldParameter = oldParameters[i];
                var newParameter = newParameters[i];
                if (oldParameter.Name != newParameter.Name)
                {
                    Breaking(path, $"parameter {Count(i + 1)} renamed from `{oldParameter.Name}` to `{newParameter.Name}`", oldAt, newAt);
                }

                if (!OptionalTypesEqual(oldParameter.Type, newParameter.Type))
                {
                    Breaking(path, Changed($"parameter `{newParameter.Name}` changed type", oldParameter.Type, newParameter.Type), oldAt, newAt);
                }
            }

            if (!OptionalTypesEqual(oldFunction.Result, newFunction.Result))
            {
                Breaking(path, Changed("result changed", oldFunction.Result, newFunction.Result), oldAt, newAt);
            }
        }

        private static IReadOnlyList<NamedType> WrittenParameters(Function function) =>
            function.Kind is FunctionKind.Method or FunctionKind.AsyncMethod && function.Parameters.Count > 0
                ? function.Parameters.Skip(1).ToList()
                : function.Parameters;

        private void CompareNamedTypes(string path, TypeDefinition oldType, TypeDefinition newType)
        {
            var oldAt = oldType.Location;
            var newAt = newType.Location;
            CompareStability(path, oldType.Stability, newType.Stability, oldAt, newAt);
            if (oldType.Kind != newType.Kind)
            {
                Breaking(path, $"changed from {DiffTypeText.KindName(oldType.Kind)} to {DiffTypeText.KindName(newType.Kind)}", oldAt, newAt);
                return;
            }

            switch (oldType.Kind)
            {
                case TypeDefinitionKind.Record:
                    CompareMembers(path, oldType, newType, "field", hasTypes: true);
                    break;
                case TypeDefinitionKind.Variant:
                    CompareMembers(path, oldType, newType, "case", hasTypes: true);
                    break;
                case TypeDefinitionKind.Enum:
                    CompareMembers(path, oldType, newType, "case", hasTypes: false);
                    break;
                case TypeDefinitionKind.Flags:
                    CompareMembers(path, oldType, newType, "flag", hasTypes: false);
                    break;
                case TypeDefinitionKind.Resource:
                    break; // Methods are functions of the interface, compared there.
                default:
                    if (!StructureEqual(oldType, newType))
                    {
                        Breaking(path, $"changed from {DiffTypeText.Shape(oldType)} to {DiffTypeText.Shape(newType)}", oldAt, newAt);
                    }

                    break;
            }
        }

        private void CompareMembers(string path, TypeDefinition oldType, TypeDefinition newType, string noun, bool hasTypes)
        {
            var newMembers = new Dictionary<string, NamedType>();
            foreach (var member in newType.Members) newMembers[member.Name] = member;
            var oldNames = new HashSet<string>(oldType.Members.Select(m => m.Name));
            foreach (var member in oldType.Members)
            {
                string memberPath = path + "." + member.Name;
                if (!newMembers.TryGetValue(member.Name, out var added))
                {
                    Breaking(memberPath, $"{noun} removed", member.Location, null);
                    continue;
                }

                if (hasTypes && !OptionalTypesEqual(member.Type, added.Type))
                {
                    string what = noun == "field" ? "type" : "payload";
                    Breaking(memberPath, Changed($"{noun} {what} changed", member.Type, added.Type), member.Location, added.Location);
                }
            }

            foreach (var member in newType.Members)
            {
                if (oldNames.Contains(member.Name)) continue;
                Breaking(path + "." + member.Name, $"{noun} added (records, variants, enums and flags are closed in the component model)", null, member.Location);
            }

            var oldOrder = oldType.Members.Select(m => m.Name).Where(newMembers.ContainsKey).ToList();
            var newOrder = newType.Members.Select(m => m.Name).Where(oldNames.Contains).ToList();
            if (!oldOrder.SequenceEqual(newOrder)) Breaking(path, $"{noun}s reordered", oldType.Location, newType.Location);
        }

        private void CompareWorlds(World oldWorld, World newWorld)
        {
            string path = "world " + oldWorld.Name;
            CompareWorldItems(path + " import ", oldWorld.Imports, newWorld.Imports, isImport: true);
            CompareWorldItems(path + " export ", oldWorld.Exports, newWorld.Exports, isImport: false);
        }

        private void CompareWorldItems(string prefix, List<KeyValuePair<WorldKey, WorldItem>> oldItems, List<KeyValuePair<WorldKey, WorldItem>> newItems, bool isImport)
        {
            var byKey = new Dictionary<string, WorldItem>();
            foreach (var item in newItems) byKey[KeyText(item.Key)] = item.Value;
            var oldKeys = new HashSet<string>(oldItems.Select(i => KeyText(i.Key)));
            foreach (var item in oldItems)
            {
                string key = KeyText(item.Key);
                if (!byKey.TryGetValue(key, out var added))
                {
                    Breaking(prefix + key, isImport ? "import removed (hosts stop providing it)" : "export removed", ItemLocation(item.Value), null);
                    continue;
                }

                CompareWorldItem(prefix + key, item.Value, added);
            }

            foreach (var item in newItems)
            {
                string key = KeyText(item.Key);
                if (oldKeys.Contains(key)) continue;
                // Compatible both ways (see the class comment): a component built for the old world imports less than
                // a new host provides, and exports less than a new component does.
                Compatible(prefix + key, isImport ? "import added (hosts must provide it)" : "export added", ItemLocation(item.Value), item.Value.Stability);
            }
        }

        private void CompareWorldItem(string path, WorldItem oldItem, WorldItem newItem)
        {
            if (oldItem.Function is { } oldFunction)
            {
                if (newItem.Function is { } newFunction) CompareFunctions(path, oldFunction, newFunction);
                else Breaking(path, "changed from a function to " + ItemNoun(newItem), ItemLocation(oldItem), ItemLocation(newItem));
            }
            else if (oldItem.Type is { } oldType)
            {
                if (newItem.Type is { } newType) CompareNamedTypes(path, oldType, newType);
                else Breaking(path, "changed from a type to " + ItemNoun(newItem), ItemLocation(oldItem), ItemLocation(newItem));
            }
            else if (oldItem.Interface is { } oldInterface)
            {
                if (newItem.Interface is not { } newInterface) Breaking(path, "changed from an interface to " + ItemNoun(newItem), ItemLocation(oldItem), ItemLocation(newItem));
                else if (oldInterface.Name is null || newInterface.Name is null) CompareInterfaces(path, oldInterface, newInterface);
            }
        }

        /// <summary>Newly deprecated or newly stabilised items: compatible, reported so reviewers see them.</summary>
        private void CompareStability(string path, Stability oldStability, Stability newStability, SourceLocation? oldAt, SourceLocation? newAt)
        {
            if (oldStability.Deprecated is null && newStability.Deprecated is { } deprecated)
            {
                Add(new ApiChange(ApiChangeKind.Compatible, path, $"deprecated (since {deprecated})", oldAt, newAt));
            }

            if (oldStability.Feature is { } feature && newStability.Feature is null && newStability.Since is { } since)
            {
                Add(new ApiChange(ApiChangeKind.Compatible, path, $"stabilised: @unstable(feature = {feature}) became @since(version = {since})", oldAt, newAt));
            }
        }

        private bool OptionalTypesEqual(WitType? a, WitType? b) =>
            a is { } x ? b is { } y && TypesEqual(x, y) : b is null;

        private bool TypesEqual(WitType a, WitType b)
        {
            // Aliases (including `use`d names) are transparent in the component model: compare what they stand for.
            a = Unalias(a);
            b = Unalias(b);
            if (a.Definition is not { } x) return b.Definition is null && a.Primitive == b.Primitive;
            if (b.Definition is not { } y) return false;
            return DefinitionsEqual(x, y);
        }

        private static WitType Unalias(WitType type)
        {
            for (int depth = 0; depth < 100 && type.Definition is { Kind: TypeDefinitionKind.Alias, Element: { } target }; depth++) type = target;
            return type;
        }

        private bool DefinitionsEqual(TypeDefinition a, TypeDefinition b)
        {
            if (ReferenceEquals(a, b)) return true;
            if (a.Name != b.Name || OwnerName(a) != OwnerName(b)) return false;
            // A named type of the compared package is reported where it is defined; uses of it are unchanged.
            if (a.Name is not null && a.Owner.Interface?.Package?.Name.WithoutVersion == _packageName) return true;
            var key = (a.Serial, b.Serial);
            if (_memo.TryGetValue(key, out bool known)) return known;
            _memo[key] = true; // Assumed equal while comparing, so a cycle terminates.
            bool equal = StructureEqual(a, b);
            _memo[key] = equal;
            return equal;
        }

        private bool StructureEqual(TypeDefinition a, TypeDefinition b)
        {
            if (a.Kind != b.Kind || a.FixedLength != b.FixedLength || a.HandleKind != b.HandleKind) return false;
            if (a.Kind == TypeDefinitionKind.Resource) return a.Name == b.Name;
            if (a.Members.Count != b.Members.Count || a.Elements.Count != b.Elements.Count) return false;
            for (int i = 0; i < a.Members.Count; i++)
            {
                if (a.Members[i].Name != b.Members[i].Name || !OptionalTypesEqual(a.Members[i].Type, b.Members[i].Type)) return false;
            }

            for (int i = 0; i < a.Elements.Count; i++)
            {
                if (!TypesEqual(a.Elements[i], b.Elements[i])) return false;
            }

            if (!OptionalTypesEqual(a.Element, b.Element) || !OptionalTypesEqual(a.Key, b.Key)) return false;
            if (!OptionalTypesEqual(a.Ok, b.Ok) || !OptionalTypesEqual(a.Err, b.Err)) return false;
            if (a.Resource is null || b.Resource is null) return a.Resource is null && b.Resource is null;
            return DefinitionsEqual(a.Resource, b.Resource);
        }

        private void Breaking(string path, string description, SourceLocation? oldLocation, SourceLocation? newLocation) =>
            Add(new ApiChange(ApiChangeKind.Breaking, path, description, oldLocation, newLocation));

        private void Compatible(string path, string description, SourceLocation? location, Stability stability)
        {
            Add(new ApiChange(ApiChangeKind.Compatible, path, description, null, location));
            CheckGate(path, location, stability);
        }

        private void CheckGate(string path, SourceLocation? location, Stability stability)
        {
            if (_usesSince && stability.Since is null && stability.Feature is null)
            {
                string version = _newVersion ?? "<new version>";
                Add(new ApiChange(ApiChangeKind.Warning, path, $"added without @since; should be gated with @since(version = {version})", null, location));
            }
        }

        private static string Changed(string what, WitType? oldType, WitType? newType)
        {
            var (a, b) = DiffTypeText.Pair(oldType, newType);
            return $"{what} from {a} to {b}";
        }

        private void Add(ApiChange change) => Changes.Add(change);

        private static bool UsesSince(Package package)
        {
            foreach (var @interface in package.Interfaces.Values)
            {
                if (@interface.Stability.Since is not null) return true;
                if (@interface.Types.Values.Any(t => t.Stability.Since is not null)) return true;
                if (@interface.Functions.Values.Any(f => f.Stability.Since is not null)) return true;
            }

            foreach (var world in package.Worlds.Values)
            {
                if (world.Stability.Since is not null) return true;
                if (world.Imports.Concat(world.Exports).Any(i => i.Value.Stability.Since is not null)) return true;
            }

            return false;
        }

        private static string? OwnerName(TypeDefinition type)
        {
            if (type.Owner.Interface is { } i) return i.Package is { } p && i.Name is not null ? $"{p.Name.WithoutVersion}/{i.Name}" : i.Name;
            return type.Owner.World?.Name;
        }

        private static string KeyText(WorldKey key)
        {
            if (key.Name is not null) return key.Name;
            var i = key.Interface!;
            return i.Package is { } p && i.Name is not null ? $"{p.Name.WithoutVersion}/{i.Name}" : i.ToString();
        }

        private static SourceLocation? ItemLocation(WorldItem item) =>
            item.Location ?? item.Function?.Location ?? item.Type?.Location ?? item.Interface?.Location;

        private static string ItemNoun(WorldItem item) =>
            item.Function is not null ? "a function" : item.Type is not null ? "a type" : "an interface";

        private static string FunctionPath(Function function) => function.Kind switch
        {
            FunctionKind.Constructor => $"{function.Resource?.Name ?? function.ItemName}.constructor",
            FunctionKind.Method or FunctionKind.Static or FunctionKind.AsyncMethod or FunctionKind.AsyncStatic when function.Resource?.Name is { } r => $"{r}.{function.ItemName}",
            _ => function.ItemName,
        };

        private static string FunctionNoun(Function function) => function.Kind switch
        {
            FunctionKind.Constructor => "resource constructor",
            FunctionKind.Method or FunctionKind.AsyncMethod => "resource method",
            FunctionKind.Static or FunctionKind.AsyncStatic => "static resource function",
            _ => "function",
        };

        private static string TypeNoun(TypeDefinition type) => type.Kind == TypeDefinitionKind.Resource ? "resource" : "type";

        private static string KindText(FunctionKind kind) => kind switch
        {
            FunctionKind.Freestanding => "function",
            FunctionKind.Method => "method",
            FunctionKind.Static => "static function",
            FunctionKind.Constructor => "constructor",
            FunctionKind.AsyncFreestanding => "async function",
            FunctionKind.AsyncMethod => "async method",
            _ => "async static function",
        };

        private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
    }
}
