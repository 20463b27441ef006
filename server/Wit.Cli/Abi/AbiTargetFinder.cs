using System.Collections.Generic;
using System.Linq;
using Wit.Core.Semantics;
using Wit.Core.Wit.Nodes;
using Wit.Core.Workspace;

namespace Wit.Cli.Abi;

/// <summary>
/// Finds what <c>wit abi</c> names in a resolved model. <c>IFACE.NAME</c> names an item of an interface of the root
/// package, or of any package as <c>ns:pkg/iface.NAME</c> (<c>ns:pkg/iface@1.2.3.NAME</c> when several versions are
/// loaded); <c>WORLD.NAME</c> names a world's own types and functions, <c>WORLD.KEY.NAME</c> those of an interface it
/// imports or exports inline (<c>import KEY: interface { ... }</c>). Resource functions are found by their
/// component-model name (<c>[method]r.f</c>) or as <c>r.f</c>, and constructors as <c>r.constructor</c>.
/// </summary>
public sealed class AbiTargetFinder
{
    private readonly WitModel _model;
    private readonly Package? _root;

    public AbiTargetFinder(WitModel model, Package? root)
    {
        _model = model;
        _root = root;
    }

    /// <summary>
    /// The package the root files declare with <c>package ns:name;</c> (not one of their nested <c>package { }</c>
    /// blocks), or null when they declare none.
    /// </summary>
    public static Package? FindRootPackage(LoadedWorkspace workspace, WitModel model)
    {
        if (workspace.Root is not { } root) return null;
        foreach (var file in root.Files)
        {
            if (WitNode.From(file.Tree.Root) is not WitDocumentSyntax document) continue;
            foreach (var item in document.Items)
            {
                // The resolver takes the first header it meets as the package's name and locates the package there.
                if (item is not PackageDeclarationSyntax { PackageName: { } name }) continue;
                return model.Packages.FirstOrDefault(p =>
                    p.Location is { } location && ReferenceEquals(location.Document, file.Tree.Text) && location.Span == name.Span);
            }
        }

        return null;
    }

    /// <summary>The target <paramref name="name"/> names, or null with the reason in <paramref name="error"/>.</summary>
    public AbiTarget? Find(AbiTargetKind kind, string name, out string error)
    {
        if (kind == AbiTargetKind.World)
        {
            var (_, world, containerError) = Container(name);
            if (world is not null)
            {
                error = string.Empty;
                return AbiTarget.OfWorld(WorldName(world), world);
            }

            error = containerError ?? $"`{name}` is an interface, not a world";
            return null;
        }

        string expected = kind == AbiTargetKind.Type ? "IFACE.TYPE or WORLD.TYPE" : "IFACE.FUNC or WORLD.FUNC";
        int lastDot = name.LastIndexOf('.');
        if (lastDot <= 0 || lastDot == name.Length - 1)
        {
            error = $"expected {expected}, found `{name}`";
            return null;
        }

        // Versions contain dots (`wasi:io/streams@0.2.12.error`) and so do resource functions (`r.f`): the first
        // prefix that names an interface or world wins.
        for (int dot = name.IndexOf('.'); dot > 0; dot = name.IndexOf('.', dot + 1))
        {
            var (@interface, world, _) = Container(name.Substring(0, dot));
            if (@interface is null && world is null) continue;
            string item = name.Substring(dot + 1);
            string prefix = @interface is not null ? @interface.QualifiedName! : WorldName(world!);
            if (world is not null && InlineInterface(world, item) is { } inline)
            {
                // `import name: interface { ... }` in a world: WORLD.name.ITEM.
                prefix = $"{prefix}.{inline.Key}";
                (@interface, world, item) = (inline.Interface, null, item.Substring(inline.Key.Length + 1));
            }

            return kind == AbiTargetKind.Type ? FindType(prefix, @interface, world, item, out error) : FindFunction(prefix, @interface, world, item, out error);
        }

        error = Container(name.Substring(0, lastDot)).Error ?? $"expected {expected}, found `{name}`";
        return null;
    }

    private AbiTarget? FindType(string prefix, Interface? @interface, World? world, string item, out string error)
    {
        error = string.Empty;
        if (@interface is not null)
        {
            if (@interface.Types.TryGetValue(item, out var type)) return AbiTarget.OfType($"{prefix}.{item}", type);
            error = $"interface `{prefix}` has no type `{item}`{Available(@interface.Types.Keys)}";
            return null;
        }

        var types = world!.Imports.Where(e => e.Key.Name is not null && e.Value.Type is not null).ToList();
        foreach (var entry in types)
        {
            if (entry.Key.Name == item) return AbiTarget.OfType($"{prefix}.{item}", entry.Value.Type!);
        }

        error = $"world `{prefix}` has no type `{item}`{Available(types.Select(e => e.Key.Name!))}";
        return null;
    }

    private AbiTarget? FindFunction(string prefix, Interface? @interface, World? world, string item, out string error)
    {
        error = string.Empty;
        var candidates = new List<string> { item, "[method]" + item, "[static]" + item };
        if (item.EndsWith(".constructor", System.StringComparison.Ordinal)) candidates.Add("[constructor]" + item.Substring(0, item.Length - ".constructor".Length));
        if (@interface is not null)
        {
            foreach (string candidate in candidates)
            {
                if (@interface.Functions.TryGetValue(candidate, out var function)) return AbiTarget.OfFunction($"{prefix}.{candidate}", function);
            }

            error = $"interface `{prefix}` has no function `{item}`{Available(@interface.Functions.Keys)}";
            return null;
        }

        var functions = world!.Imports.Concat(world.Exports).Where(e => e.Key.Name is not null && e.Value.Function is not null).ToList();
        foreach (string candidate in candidates)
        {
            foreach (var entry in functions)
            {
                if (entry.Key.Name == candidate) return AbiTarget.OfFunction($"{prefix}.{candidate}", entry.Value.Function!);
            }
        }

        error = $"world `{prefix}` has no function `{item}`{Available(functions.Select(e => e.Key.Name!))}";
        return null;
    }

    /// <summary>The interface a world imports or exports under a plain name that <paramref name="item"/> starts with (<c>name.</c>).</summary>
    private static (string Key, Interface Interface)? InlineInterface(World world, string item)
    {
        foreach (var entry in world.Imports.Concat(world.Exports))
        {
            if (entry.Key.Name is { } key && entry.Value.Interface is { } @interface && item.StartsWith(key + ".", System.StringComparison.Ordinal))
                return (key, @interface);
        }

        return null;
    }

    /// <summary>The interface or world a (plain or qualified) name denotes, or why there is none.</summary>
    private (Interface? Interface, World? World, string? Error) Container(string name)
    {
        int slash = name.IndexOf('/');
        if (slash < 0)
        {
            if (_root is null) return (null, null, $"no interface or world `{name}`: the path declares no package; name it as ns:pkg/{name}");
            if (_root.Interfaces.TryGetValue(name, out var rootInterface)) return (rootInterface, null, null);
            if (_root.Worlds.TryGetValue(name, out var rootWorld)) return (null, rootWorld, null);
            return (null, null, $"no interface or world `{name}` in package `{_root.Name}`{Available(_root.Interfaces.Keys.Concat(_root.Worlds.Keys))}");
        }

        string packageName = name.Substring(0, slash);
        string itemName = name.Substring(slash + 1);
        string? version = null;
        int at = itemName.IndexOf('@');
        if (at >= 0)
        {
            version = itemName.Substring(at + 1);
            itemName = itemName.Substring(0, at);
        }

        var packages = _model.Packages.Where(p => p.Name.WithoutVersion == packageName && (version is null || p.Name.Version == version)).ToList();
        if (packages.Count == 0)
        {
            string loaded = string.Join(", ", _model.Packages.Select(p => p.Name.ToString()).Distinct());
            return (null, null, $"no package `{packageName}{(version is null ? string.Empty : "@" + version)}` is loaded (loaded: {loaded})");
        }

        if (packages.Count > 1)
        {
            return (null, null, $"`{name}` is ambiguous: give the version ({string.Join(", ", packages.Select(p => p.Name.ToString()))})");
        }

        var package = packages[0];
        if (package.Interfaces.TryGetValue(itemName, out var @interface)) return (@interface, null, null);
        if (package.Worlds.TryGetValue(itemName, out var world)) return (null, world, null);
        return (null, null, $"no interface or world `{itemName}` in package `{package.Name}`{Available(package.Interfaces.Keys.Concat(package.Worlds.Keys))}");
    }

    /// <summary><c>ns:pkg/name@version</c>, as interfaces are printed.</summary>
    public static string WorldName(World world) =>
        world.Package is not { } package ? world.Name
        : package.Name.Version is null ? $"{package.Name.WithoutVersion}/{world.Name}"
        : $"{package.Name.WithoutVersion}/{world.Name}@{package.Name.Version}";

    private static string Available(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? " (it has none)" : $" (available: {string.Join(", ", list)})";
    }
}
