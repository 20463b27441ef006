using System.Collections.Generic;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Syntax;
using Wit.Core.Wit.Nodes;
using Wit.Core.Workspace;

namespace Wit.Core.Semantics;

/// <summary>
/// Resolves one package: registers its interfaces and worlds, orders them by their local references, then resolves
/// each (types, functions, world items) and elaborates the worlds. Foreign references go to packages the
/// <see cref="WitResolver"/> has already resolved.
/// </summary>
internal sealed partial class PackageResolver
{
    private readonly WitResolver _resolver;
    private readonly UnresolvedPackage _unresolved;
    private readonly Package _package;
    private readonly Dictionary<string, LocalItem> _items = new();
    private readonly List<LocalItem> _itemOrder = new();
    private readonly Dictionary<SourceFile, Dictionary<string, ParsedPath>> _fileScopes = new();
    private readonly Dictionary<TypeShape, TypeDefinition> _anonymousTypes = new();
    private readonly Dictionary<TypeDefinition, TypeDefinition> _ownHandles = new();
    private readonly Dictionary<string, bool> _foreignKinds = new();

    public PackageResolver(WitResolver resolver, UnresolvedPackage unresolved)
    {
        _resolver = resolver;
        _unresolved = unresolved;
        _package = new Package(unresolved.Name!) { Docs = unresolved.Docs, Location = unresolved.NameLocation };
    }

    private sealed class LocalItem
    {
        public LocalItem(string name, SourceFile file, WitNode syntax, SourceLocation location)
        {
            Name = name;
            File = file;
            Syntax = syntax;
            Location = location;
        }

        public string Name { get; }

        public SourceFile File { get; }

        public WitNode Syntax { get; }

        public SourceLocation Location { get; }

        public bool IsWorld => Syntax is WorldSyntax;

        public bool Excluded { get; set; }

        public Interface? Interface { get; set; }

        public World? World { get; set; }
    }

    public void Resolve()
    {
        // Interfaces and worlds are package-wide; a top-level `use` names something in its own file only. A name
        // may be declared once per file (items and uses together), the later declaration is the one reported.
        var fileNames = new Dictionary<SourceFile, HashSet<string>>();
        var uses = new List<(SourceFile File, ParsedPath Path)>();
        foreach (var (file, item) in _unresolved.Items)
        {
            if (!fileNames.TryGetValue(file, out var names)) fileNames[file] = names = new HashSet<string>();
            if (item is TopLevelUseSyntax use)
            {
                if (use.Path is null || ParsedPath.From(use.Path, file) is not { } path) continue;
                var aliasToken = use.Alias;
                string alias = aliasToken is { } a ? Names.Unescape(a.Text) : path.ItemName;
                var aliasLocation = aliasToken is { } at ? new SourceLocation(file.Tree.Text, at.Span) : path.ItemLocation;
                if (!names.Add(alias))
                {
                    Report(ResolveDiagnostics.DuplicateName, $"duplicate name `{alias}` in this file", aliasLocation);
                    continue;
                }

                if (!_fileScopes.TryGetValue(file, out var scope)) _fileScopes[file] = scope = new Dictionary<string, ParsedPath>();
                scope[alias] = path;
                if (path.IsForeign) NoteForeignKind(path, isWorld: false);
                else uses.Add((file, path));
                continue;
            }

            var nameToken = item is InterfaceSyntax i ? i.Name : ((WorldSyntax)item).Name;
            if (nameToken is not { } token) continue;
            string name = Names.Unescape(token.Text);
            var location = new SourceLocation(file.Tree.Text, token.Span);
            if (_items.ContainsKey(name))
            {
                Report(ResolveDiagnostics.DuplicateName, $"duplicate item named `{name}`", location);
                continue;
            }

            if (!names.Add(name))
            {
                Report(ResolveDiagnostics.DuplicateName, $"duplicate name `{name}` in this file", location);
                continue;
            }

            var local = new LocalItem(name, file, item, location) { Excluded = IsExcluded(item) };
            _items[name] = local;
            _itemOrder.Add(local);
        }

        foreach (var (file, path) in uses)
        {
            if (!_items.ContainsKey(path.ItemName)) Report(ResolveDiagnostics.UnknownName, $"interface or world `{path.ItemName}` does not exist", path.ItemLocation);
        }

        var order = TopologicalSort.UpstreamOrder<LocalItem, SourceLocation>(_itemOrder, Dependencies,
            (dependency, _) => Report(ResolveDiagnostics.Cycle, $"interface or world `{dependency.Name}` depends on itself", dependency.Location));

        foreach (var item in order)
        {
            if (item.Excluded) continue;
            if (item.Syntax is InterfaceSyntax interfaceSyntax)
            {
                item.Interface = ResolveInterface(interfaceSyntax.Name is { } n ? Names.Unescape(n.Text) : null, interfaceSyntax, interfaceSyntax.Members, item.File, item.Location);
                _package.Interfaces.Set(item.Name, item.Interface);
            }
        }

        foreach (var item in order)
        {
            if (item.Excluded || item.Syntax is not WorldSyntax worldSyntax) continue;
            item.World = ResolveWorld(item.Name, worldSyntax, item.File, item.Location);
        }

        // Worlds are registered in declaration order, as wit-parser lists them in the package.
        foreach (var item in _itemOrder)
        {
            if (item.World is { } world) _package.Worlds.Set(item.Name, world);
        }

        foreach (var item in order)
        {
            if (item.World is { } world) ElaborateWorld(world, (WorldSyntax)item.Syntax, item.File);
        }

        _resolver.AddPackage(_package);
    }

    /// <summary>The local interfaces and worlds an item refers to, for ordering; unknown names are reported here.</summary>
    private IEnumerable<(LocalItem, SourceLocation)> Dependencies(LocalItem item)
    {
        var result = new List<(LocalItem, SourceLocation)>();
        foreach (var node in item.Syntax.Syntax.DescendantNodes(WitResolver.MayContainUsePath))
        {
            if (node.Kind != SyntaxKind.UsePath || WitNode.From(node) is not UsePathSyntax pathSyntax) continue;
            if (ParsedPath.From(pathSyntax, item.File) is not { } path || path.IsForeign) continue;
            if (LookupLocal(path.ItemName, item.File) is { } target)
            {
                // Only references of the right kind order items; the wrong kind is reported when resolving.
                bool wantsWorld = node.Parent?.Kind == SyntaxKind.IncludeItem;
                if (target.Local is { } local && local.IsWorld == wantsWorld) result.Add((local, path.ItemLocation));
            }
            else
            {
                Report(ResolveDiagnostics.UnknownName, $"interface or world `{path.ItemName}` does not exist", path.ItemLocation);
            }
        }

        return result;
    }

    private readonly struct ItemTarget
    {
        public ItemTarget(LocalItem? local, ParsedPath? foreign)
        {
            Local = local;
            Foreign = foreign;
        }

        public LocalItem? Local { get; }

        public ParsedPath? Foreign { get; }
    }

    /// <summary>A local name: a top-level <c>use</c> of this file, or an interface or world of this package.</summary>
    private ItemTarget? LookupLocal(string name, SourceFile file)
    {
        if (_fileScopes.TryGetValue(file, out var scope) && scope.TryGetValue(name, out var path))
        {
            if (!path.IsForeign) return _items.TryGetValue(path.ItemName, out var aliased) ? new ItemTarget(aliased, null) : null;
            return new ItemTarget(null, path);
        }

        return _items.TryGetValue(name, out var item) ? new ItemTarget(item, null) : null;
    }

    private void Report(DiagnosticDescriptor descriptor, string message, SourceLocation? location) =>
        _resolver.Report(descriptor, message, location);

    private bool IsExcluded(WitNode node)
    {
        foreach (var attribute in node.Syntax.ChildNodes())
        {
            if (attribute.Kind != SyntaxKind.Attribute || AttributeName(attribute) != "unstable") continue;
            foreach (var list in attribute.ChildNodes())
            {
                if (list.Kind != SyntaxKind.AttributeArgumentList) continue;
                foreach (var argumentNode in list.ChildNodes())
                {
                    if (WitNode.From(argumentNode) is not AttributeArgumentSyntax argument) continue;
                    if (argument.Name?.Text == "feature" && argument.Value is { } feature && !_resolver.Options.IsEnabled(Names.Unescape(feature))) return true;
                }

                break;
            }
        }

        return false;
    }

    /// <summary>
    /// The attribute's name (<see cref="AttributeSyntax.Name"/>) and first argument's value, read from the red nodes
    /// directly: every item and member has its attributes read on each keystroke.
    /// </summary>
    private static string? AttributeName(SyntaxNode attribute)
    {
        foreach (var token in attribute.ChildTokens())
        {
            if (token.Kind == SyntaxKind.IdentifierToken && !token.IsMissing) return token.Text;
        }

        return null;
    }

    private static string? FirstArgumentValue(SyntaxNode attribute)
    {
        foreach (var list in attribute.ChildNodes())
        {
            if (list.Kind != SyntaxKind.AttributeArgumentList) continue;
            foreach (var argumentNode in list.ChildNodes())
            {
                if (WitNode.From(argumentNode) is AttributeArgumentSyntax argument) return argument.Value;
            }

            return null;
        }

        return null;
    }

    /// <summary>The gate of an item; a <c>@since</c> newer than the package's version is reported at <paramref name="location"/>.</summary>
    private Stability StabilityOf(WitNode node, SourceLocation? location)
    {
        string? since = null, feature = null, deprecated = null;
        foreach (var attribute in node.Syntax.ChildNodes())
        {
            if (attribute.Kind != SyntaxKind.Attribute) continue;
            string? value = FirstArgumentValue(attribute);
            switch (AttributeName(attribute))
            {
                case "since":
                    since = value;
                    break;
                case "unstable":
                    feature = value is null ? null : Names.Unescape(value);
                    break;
                case "deprecated":
                    deprecated = value;
                    break;
            }
        }

        if (since is not null && _package.Name.Version is null)
        {
            Report(ResolveDiagnostics.FeatureGate, $"package [{_package.Name}] contains a feature gate with a version specifier, so it must have a version", location);
        }
        else if (since is not null && _package.Name.Version is { } current && VersionComparer.Compare(since, current) > 0)
        {
            Report(ResolveDiagnostics.FeatureGate,
                $"feature gate cannot reference unreleased version {since} of package [{_package.Name}] (current version {current})", location);
        }

        if (feature is not null) return new Stability(null, feature, deprecated);
        return since is null && deprecated is null ? Stability.Unknown : new Stability(since, null, deprecated);
    }
}
