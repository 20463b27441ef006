using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Wit.Nodes;
using Wit.Core.Workspace;

namespace Wit.Core.Semantics;

/// <summary>
/// The one notion of a resolved model's root package, and the one lookup of names in it that the linter, the IDE and
/// the command line share. The root package is the package the root files declare with a <c>package ns:name;</c>
/// header (not one of their nested <c>package ns:name { }</c> blocks, and never a dependency): wit-parser orders the
/// root's packages and its dependencies together, so the root is not necessarily the last package of the model.
/// </summary>
/// <remarks>
/// Names: an interface or world is named plainly when it belongs to the root package (<c>iface</c>), or as
/// <c>ns:pkg/iface</c> in any package (<c>ns:pkg/iface@1.2.3</c> when several versions are loaded). An item of one is
/// named <c>CONTAINER.NAME</c>: a type or function of an interface, a type or function a world imports or exports
/// itself, or <c>WORLD.KEY.NAME</c> for an item of an interface a world imports or exports inline
/// (<c>import KEY: interface { ... }</c>). Functions are found by their component-model name (<c>[method]r.f</c>) or
/// as <c>r.f</c>, constructors also as <c>r.constructor</c>. Versions contain dots (<c>wasi:io/streams@0.2.12.error</c>),
/// and so do resource functions (<c>r.f</c>): the shortest prefix that names an interface or world is the container.
/// </remarks>
public sealed class PackageLookup
{
    /// <summary>A lookup in <paramref name="model"/> whose plain names refer to <paramref name="root"/> (none when null).</summary>
    public PackageLookup(WitModel model, Package? root)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Root = root;
    }

    /// <summary>The model names are looked up in.</summary>
    public WitModel Model { get; }

    /// <summary>The root package (see <see cref="FindRoot"/>), or null when the root files declare none.</summary>
    public Package? Root { get; }

    /// <summary>A lookup in <paramref name="model"/>, resolved from <paramref name="workspace"/>, with its root package.</summary>
    public static PackageLookup For(LoadedWorkspace workspace, WitModel model) => new(model, FindRoot(workspace, model));

    /// <summary>
    /// The package the root files of <paramref name="workspace"/> declare with <c>package ns:name;</c> (not one of
    /// their nested <c>package { }</c> blocks), as resolved in <paramref name="model"/>; null when the workspace has no
    /// root or its files declare no package.
    /// </summary>
    public static Package? FindRoot(LoadedWorkspace workspace, WitModel model)
    {
        if (workspace is null) throw new ArgumentNullException(nameof(workspace));
        if (model is null) throw new ArgumentNullException(nameof(model));
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

    /// <summary>Whether <paramref name="package"/> is the root package or one nested in the root package's file.</summary>
    public bool IsRootOrNestedInIt(Package package)
    {
        if (Root is null) return false;
        return ReferenceEquals(package, Root)
            || Root.Location?.Document is { } document && ReferenceEquals(package.Location?.Document, document);
    }

    /// <summary><c>ns:pkg/world@version</c>, as <see cref="Interface.QualifiedName"/> prints interfaces.</summary>
    public static string QualifiedName(World world) =>
        world.Package is not { } package ? world.Name
        : package.Name.Version is null ? $"{package.Name.WithoutVersion}/{world.Name}"
        : $"{package.Name.WithoutVersion}/{world.Name}@{package.Name.Version}";

    /// <summary>
    /// The interface, world, type or function <paramref name="name"/> names, in that order of preference (a type
    /// before a function of the same name); null when it names none.
    /// </summary>
    public object? Find(string name)
    {
        var container = FindContainer(name);
        if (container.Found) return container.Item;
        return FindType(name).Item ?? FindFunction(name).Item;
    }

    /// <summary>The interface or world <paramref name="name"/> names (plainly in the root package, or qualified).</summary>
    public NameLookupResult FindContainer(string name)
    {
        var (@interface, world, error) = Container(name);
        return @interface is not null ? NameLookupResult.Of(@interface, @interface.QualifiedName!)
            : world is not null ? NameLookupResult.Of(world, QualifiedName(world))
            : NameLookupResult.Failed(error!);
    }

    /// <summary>The world <paramref name="name"/> names.</summary>
    public NameLookupResult FindWorld(string name)
    {
        var (_, world, error) = Container(name);
        return world is not null ? NameLookupResult.Of(world, QualifiedName(world)) : NameLookupResult.Failed(error ?? $"`{name}` is an interface, not a world");
    }

    /// <summary>The type <paramref name="name"/> (<c>IFACE.TYPE</c> or <c>WORLD.TYPE</c>) names.</summary>
    public NameLookupResult FindType(string name) => FindMember(name, type: true);

    /// <summary>The function <paramref name="name"/> (<c>IFACE.FUNC</c> or <c>WORLD.FUNC</c>) names.</summary>
    public NameLookupResult FindFunction(string name) => FindMember(name, type: false);

    private NameLookupResult FindMember(string name, bool type)
    {
        string expected = type ? "IFACE.TYPE or WORLD.TYPE" : "IFACE.FUNC or WORLD.FUNC";
        int lastDot = name.LastIndexOf('.');
        if (lastDot <= 0 || lastDot == name.Length - 1) return NameLookupResult.Failed($"expected {expected}, found `{name}`");

        for (int dot = name.IndexOf('.'); dot > 0; dot = name.IndexOf('.', dot + 1))
        {
            var (@interface, world, _) = Container(name.Substring(0, dot));
            if (@interface is null && world is null) continue;
            string item = name.Substring(dot + 1);
            string prefix = @interface is not null ? @interface.QualifiedName! : QualifiedName(world!);
            if (world is not null && InlineInterface(world, item) is { } inline)
            {
                // `import name: interface { ... }` in a world: WORLD.name.ITEM.
                prefix = $"{prefix}.{inline.Key}";
                (@interface, world, item) = (inline.Interface, null, item.Substring(inline.Key.Length + 1));
            }

            return type ? TypeIn(prefix, @interface, world, item) : FunctionIn(prefix, @interface, world, item);
        }

        return NameLookupResult.Failed(Container(name.Substring(0, lastDot)).Error ?? $"expected {expected}, found `{name}`");
    }

    private static NameLookupResult TypeIn(string prefix, Interface? @interface, World? world, string item)
    {
        if (@interface is not null)
        {
            return @interface.Types.TryGetValue(item, out var type)
                ? NameLookupResult.Of(type, $"{prefix}.{item}")
                : NameLookupResult.Failed($"interface `{prefix}` has no type `{item}`{NameSuggestions.AvailableText(item, @interface.Types.Keys)}");
        }

        var types = world!.Imports.Where(e => e.Key.Name is not null && e.Value.Type is not null).ToList();
        foreach (var entry in types)
        {
            if (entry.Key.Name == item) return NameLookupResult.Of(entry.Value.Type!, $"{prefix}.{item}");
        }

        return NameLookupResult.Failed($"world `{prefix}` has no type `{item}`{NameSuggestions.AvailableText(item, types.Select(e => e.Key.Name!))}");
    }

    private static NameLookupResult FunctionIn(string prefix, Interface? @interface, World? world, string item)
    {
        var candidates = new List<string> { item, "[method]" + item, "[static]" + item };
        if (item.EndsWith(".constructor", StringComparison.Ordinal)) candidates.Add("[constructor]" + item.Substring(0, item.Length - ".constructor".Length));
        if (@interface is not null)
        {
            foreach (string candidate in candidates)
            {
                if (@interface.Functions.TryGetValue(candidate, out var function)) return NameLookupResult.Of(function, $"{prefix}.{candidate}");
            }

            return NameLookupResult.Failed($"interface `{prefix}` has no function `{item}`{NameSuggestions.AvailableText(item, @interface.Functions.Keys)}");
        }

        var functions = world!.Imports.Concat(world.Exports).Where(e => e.Key.Name is not null && e.Value.Function is not null).ToList();
        foreach (string candidate in candidates)
        {
            foreach (var entry in functions)
            {
                if (entry.Key.Name == candidate) return NameLookupResult.Of(entry.Value.Function!, $"{prefix}.{candidate}");
            }
        }

        return NameLookupResult.Failed($"world `{prefix}` has no function `{item}`{NameSuggestions.AvailableText(item, functions.Select(e => e.Key.Name!))}");
    }

    /// <summary>The interface a world imports or exports under a plain name that <paramref name="item"/> starts with (<c>name.</c>).</summary>
    private static (string Key, Interface Interface)? InlineInterface(World world, string item)
    {
        foreach (var entry in world.Imports.Concat(world.Exports))
        {
            if (entry.Key.Name is { } key && entry.Value.Interface is { } @interface && item.StartsWith(key + ".", StringComparison.Ordinal))
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
            if (Root is null) return (null, null, $"no interface or world `{name}`: the path declares no package; name it as ns:pkg/{name}");
            if (Root.Interfaces.TryGetValue(name, out var rootInterface)) return (rootInterface, null, null);
            if (Root.Worlds.TryGetValue(name, out var rootWorld)) return (null, rootWorld, null);
            return (null, null, $"no interface or world `{name}` in package `{Root.Name}`{NameSuggestions.AvailableText(name, Root.Interfaces.Keys.Concat(Root.Worlds.Keys))}");
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

        var packages = Model.Packages.Where(p => p.Name.WithoutVersion == packageName && (version is null || p.Name.Version == version)).ToList();
        if (packages.Count == 0)
        {
            string loaded = NameSuggestions.AvailableText(packageName, Model.Packages.Select(p => p.Name.ToString())).Replace("(available:", "(loaded:");
            return (null, null, $"no package `{packageName}{(version is null ? string.Empty : "@" + version)}` is loaded{loaded}");
        }

        if (packages.Count > 1)
        {
            return (null, null, $"`{name}` is ambiguous: give the version ({string.Join(", ", packages.Select(p => p.Name.ToString()))})");
        }

        var package = packages[0];
        if (package.Interfaces.TryGetValue(itemName, out var @interface)) return (@interface, null, null);
        if (package.Worlds.TryGetValue(itemName, out var world)) return (null, world, null);
        return (null, null, $"no interface or world `{itemName}` in package `{package.Name}`{NameSuggestions.AvailableText(itemName, package.Interfaces.Keys.Concat(package.Worlds.Keys))}");
    }

}
