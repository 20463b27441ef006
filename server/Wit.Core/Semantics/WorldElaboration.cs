using System.Collections.Generic;

namespace Wit.Core.Semantics;

/// <summary>
/// Completes a world's imports and exports as wit-parser's <c>elaborate_world</c> does: every interface an imported
/// item depends on (through <c>use</c>) is imported before it, with that item's gate; the interfaces exported
/// interfaces depend on are exported first when the world exports them too, and imported otherwise; imports end up
/// grouped by class (interfaces, types from interfaces, other types, freestanding functions, resource functions), the
/// order within a class kept. The dependency walks use explicit stacks: the input controls how long a chain of
/// interfaces is. The conflict this can reveal (an export that would need an interface both imported and exported)
/// is returned for the resolver to report.
/// </summary>
internal static class WorldElaboration
{
    /// <summary>Elaborates <paramref name="world"/>; returns the key of the first export that conflicts, if any.</summary>
    public static WorldKey? Elaborate(World world)
    {
        var imports = new OrderedItems();
        foreach (var entry in SortedByClass(world.Imports))
        {
            var item = entry.Value;
            if (item.Interface is { } @interface)
            {
                AddImport(imports, entry.Key, @interface, item.Stability, item);
            }
            else if (item.Type is { } type)
            {
                if (InterfaceDependency(type) is { } dependency) AddImport(imports, WorldKey.Of(dependency), dependency, type.Stability, null);
                imports.TryAdd(entry.Key, item);
            }
            else
            {
                imports.TryAdd(entry.Key, item);
            }
        }

        var exports = new OrderedItems();
        var exportedInterfaces = new Dictionary<WorldKey, WorldItem>();
        foreach (var entry in world.Exports)
        {
            if (entry.Value.Interface is null) exports.TryAdd(entry.Key, entry.Value);
            else exportedInterfaces[entry.Key] = entry.Value;
        }

        var requiredImports = new HashSet<Interface>();
        foreach (var entry in world.Exports)
        {
            if (entry.Value.Interface is null || AddExport(imports, exports, exportedInterfaces, requiredImports, entry.Key, entry.Value)) continue;

            // wit-parser stops at the first conflict and leaves the world as it was.
            return entry.Key;
        }

        world.Imports.Clear();
        world.Imports.AddRange(SortedByClass(imports.Items));
        world.Exports.Clear();
        world.Exports.AddRange(exports.Items);
        return null;
    }

    /// <summary>The interface a type item's alias refers into, when the type is not defined where its target is.</summary>
    private static Interface? InterfaceDependency(TypeDefinition type) =>
        IsForeignAlias(type) ? type.Element!.Value.Definition!.Owner.Interface : null;

    private static bool SameOwner(TypeOwner a, TypeOwner b) => ReferenceEquals(a.Interface, b.Interface) && ReferenceEquals(a.World, b.World);

    /// <summary>An interface's direct dependencies, in the order of its types (repeats included, as upstream's).</summary>
    private static List<Interface> DirectDependencies(Interface @interface)
    {
        var result = new List<Interface>();
        foreach (var type in @interface.Types.Values)
        {
            if (InterfaceDependency(type) is { } dependency) result.Add(dependency);
        }

        return result;
    }

    /// <summary>Imports an interface after its dependencies (which get <paramref name="stability"/>), unless already imported.</summary>
    private static void AddImport(OrderedItems imports, WorldKey key, Interface @interface, Stability stability, WorldItem? original)
    {
        if (imports.Contains(key)) return;

        // A model with errors may hold a cycle of interfaces: one in progress is not entered again.
        var inProgress = new HashSet<Interface> { @interface };
        var stack = new Stack<(WorldKey Key, Interface Interface, WorldItem? Original, List<Interface> Dependencies, int Next)>();
        stack.Push((key, @interface, original, DirectDependencies(@interface), 0));
        while (stack.Count > 0)
        {
            var frame = stack.Pop();
            if (frame.Next < frame.Dependencies.Count)
            {
                var dependency = frame.Dependencies[frame.Next];
                stack.Push((frame.Key, frame.Interface, frame.Original, frame.Dependencies, frame.Next + 1));
                var dependencyKey = WorldKey.Of(dependency);
                if (!imports.Contains(dependencyKey) && inProgress.Add(dependency)) stack.Push((dependencyKey, dependency, null, DirectDependencies(dependency), 0));
                continue;
            }

            imports.TryAdd(frame.Key, frame.Original ?? WorldItem.OfInterface(frame.Interface, stability));
        }
    }

    /// <summary>
    /// wit-parser's <c>add_world_export</c>: exports an interface after its dependencies, exporting those the world
    /// exports and importing the rest (with the export's gate). Returns false on a conflict (a dependency that must
    /// be imported is exported too); the resolver reports it.
    /// </summary>
    private static bool AddExport(OrderedItems imports, OrderedItems exports, Dictionary<WorldKey, WorldItem> exportedInterfaces,
        HashSet<Interface> requiredImports, WorldKey key, WorldItem item)
    {
        var stack = new Stack<ExportFrame>();
        var inProgress = new HashSet<Interface> { item.Interface! };
        stack.Push(new ExportFrame(key, item, addExport: true));
        bool result = true;
        while (stack.Count > 0)
        {
            var frame = stack.Peek();
            if (!frame.Started)
            {
                frame.Started = true;
                var @interface = frame.Item.Interface!;
                if (exports.Contains(frame.Key) || (!frame.AddExport && requiredImports.Contains(@interface)))
                {
                    stack.Pop();
                    inProgress.Remove(@interface);
                    result = frame.AddExport || !exports.Contains(frame.Key);
                    continue;
                }

                frame.Dependencies = DirectDependencies(@interface);
                result = true;
            }
            else if (!result)
            {
                stack.Pop();
                continue;
            }

            if (frame.Next < frame.Dependencies!.Count)
            {
                var dependency = frame.Dependencies[frame.Next++];
                var dependencyKey = WorldKey.Of(dependency);
                if (!inProgress.Add(dependency)) continue;
                var dependencyItem = WorldItem.OfInterface(dependency, frame.Item.Stability);
                stack.Push(new ExportFrame(dependencyKey, dependencyItem, frame.AddExport && exportedInterfaces.ContainsKey(dependencyKey)));
                continue;
            }

            stack.Pop();
            var done = frame.Item.Interface!;
            inProgress.Remove(done);
            if (frame.AddExport)
            {
                result = !requiredImports.Contains(done);
                if (result) exports.TryAdd(frame.Key, frame.Item);
            }
            else
            {
                requiredImports.Add(done);
                imports.TryAdd(frame.Key, frame.Item);
                result = true;
            }
        }

        return result;
    }

    /// <summary>Upstream's class of a world item, the key of the stable sort of imports.</summary>
    private static int Class(WorldItem item)
    {
        if (item.Interface is not null) return 0;
        if (item.Type is { } type) return IsForeignAlias(type) ? 1 : 2;
        return item.Function is { Resource: null } ? 3 : 4;
    }

    /// <summary>An alias of a type with another owner (upstream's class 1, even when that owner is not an interface).</summary>
    private static bool IsForeignAlias(TypeDefinition type) =>
        type.Kind == TypeDefinitionKind.Alias && type.Element?.Definition is { } target && !SameOwner(type.Owner, target.Owner);

    private static List<KeyValuePair<WorldKey, WorldItem>> SortedByClass(IEnumerable<KeyValuePair<WorldKey, WorldItem>> items)
    {
        var buckets = new List<KeyValuePair<WorldKey, WorldItem>>[5];
        for (int i = 0; i < buckets.Length; i++) buckets[i] = new List<KeyValuePair<WorldKey, WorldItem>>();
        foreach (var item in items) buckets[Class(item.Value)].Add(item);
        var sorted = new List<KeyValuePair<WorldKey, WorldItem>>();
        foreach (var bucket in buckets) sorted.AddRange(bucket);
        return sorted;
    }

    private sealed class ExportFrame
    {
        public ExportFrame(WorldKey key, WorldItem item, bool addExport)
        {
            Key = key;
            Item = item;
            AddExport = addExport;
        }

        public WorldKey Key { get; }

        public WorldItem Item { get; }

        public bool AddExport { get; }

        public bool Started { get; set; }

        public List<Interface>? Dependencies { get; set; }

        public int Next { get; set; }
    }

    /// <summary>World items in insertion order with a keyed lookup (upstream's <c>IndexMap</c>).</summary>
    private sealed class OrderedItems
    {
        private readonly HashSet<WorldKey> _keys = new();

        public List<KeyValuePair<WorldKey, WorldItem>> Items { get; } = new();

        public bool Contains(WorldKey key) => _keys.Contains(key);

        public void TryAdd(WorldKey key, WorldItem item)
        {
            if (_keys.Add(key)) Items.Add(new KeyValuePair<WorldKey, WorldItem>(key, item));
        }
    }
}
