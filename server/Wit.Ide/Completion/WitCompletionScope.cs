using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Core.Wit.Nodes;
using Wit.Ide.Analysis;

namespace Wit.Ide.Completion;

/// <summary>
/// What names a WIT cursor can see: the types of the enclosing interface or world (from the syntax, so half-typed
/// declarations count, enriched with the model's docs and kinds), the current package and every known package.
/// </summary>
internal sealed class WitCompletionScope
{
    private readonly IdeSnapshot _snapshot;
    private readonly string _path;
    private readonly SyntaxNode _root;
    private readonly RootAnalysis? _analysis;

    public WitCompletionScope(IdeSnapshot snapshot, string path, SyntaxNode root)
    {
        _snapshot = snapshot;
        _path = path;
        _root = root;
        _analysis = snapshot.AnalysisOf(path);
    }

    public RootAnalysis? Analysis => _analysis;

    /// <summary>An interface whose types a body may bring in with <c>use</c>, with the path to write there.</summary>
    public readonly record struct UsableInterface(Interface Interface, string Path, bool SamePackage);

    /// <summary>
    /// The interfaces a <c>use</c> in <paramref name="body"/> (an interface or world body) can name: those of the body's
    /// package first, by plain name (the body's own interface left out), then those of every other known package, by
    /// qualified, versioned name.
    /// </summary>
    public IEnumerable<UsableInterface> UsableInterfaces(SyntaxNode body)
    {
        string? ownName = body.Parent?.Kind == SyntaxKind.Interface
            // A header without a name (`interface {`) has no identifier token: the default token has no text.
            ? body.Parent.ChildTokens().Where(t => t.Kind == SyntaxKind.IdentifierToken && !t.IsMissing).Select(t => (string?)t.Text).FirstOrDefault()
            : null;
        var current = CurrentPackage(body);
        foreach (var package in KnownPackages().OrderBy(p => p == current ? 0 : 1))
        {
            bool same = package == current;
            foreach (var @interface in package.Interfaces.Values)
            {
                if (@interface.Name is not { } name || same && name == ownName) continue;
                yield return new UsableInterface(@interface, same ? name : @interface.QualifiedName ?? name, same);
            }
        }
    }

    /// <summary>A named type visible in a body: its local name, the model's definition (if resolved) and whether it is a resource.</summary>
    public readonly record struct VisibleType(string Name, TypeDefinition? Definition, bool IsResource, string Detail);

    /// <summary>The types declared in or <c>use</c>d into the body that contains <paramref name="node"/>.</summary>
    public IReadOnlyList<VisibleType> VisibleTypes(SyntaxNode node)
    {
        var body = node.AncestorsAndSelf().FirstOrDefault(n => n.Kind is SyntaxKind.InterfaceBody or SyntaxKind.WorldBody);
        var result = new List<VisibleType>();
        if (body is null) return result;
        var model = ModelTypes(body);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in body.ChildNodes())
        {
            if (member.Kind == SyntaxKind.UseItem && WitNode.From(member) is UseItemSyntax use)
            {
                foreach (var name in use.Names)
                {
                    if ((name.Alias ?? name.Name) is not { } token) continue;
                    string local = Unescape(token.Text);
                    model.TryGetValue(local, out var definition);
                    if (seen.Add(local)) result.Add(new VisibleType(local, definition, definition is not null && IsResource(definition), "use " + (use.Path?.ToString() ?? string.Empty)));
                }

                continue;
            }

            string? detail = member.Kind switch
            {
                SyntaxKind.TypeAlias => "type",
                SyntaxKind.Record => "record",
                SyntaxKind.Variant => "variant",
                SyntaxKind.Enum => "enum",
                SyntaxKind.Flags => "flags",
                SyntaxKind.Resource => "resource",
                _ => null,
            };
            if (detail is null) continue;
            var nameToken = member.ChildTokens().FirstOrDefault(t => t.Kind == SyntaxKind.IdentifierToken && !t.IsMissing);
            if (nameToken.Parent is null) continue;
            string typeName = Unescape(nameToken.Text);
            model.TryGetValue(typeName, out var found);
            bool resource = member.Kind == SyntaxKind.Resource || found is not null && IsResource(found);
            if (seen.Add(typeName)) result.Add(new VisibleType(typeName, found, resource, detail));
        }

        return result;
    }

    /// <summary>The package the cursor's item belongs to: the enclosing nested package, else the file's package.</summary>
    public Package? CurrentPackage(SyntaxNode node)
    {
        if (_analysis is null) return null;
        string? name = null;
        var nested = node.AncestorsAndSelf().FirstOrDefault(n => n.Kind == SyntaxKind.NestedPackage);
        if (nested is not null && WitNode.From(nested) is NestedPackageSyntax nestedSyntax) name = nestedSyntax.PackageName?.ToString();
        else if (WitNode.From(_root) is WitDocumentSyntax document) name = document.PackageDeclaration?.Syntax.ChildNodes().FirstOrDefault(n => n.Kind == SyntaxKind.PackageName)?.ToString();
        if (name is not null)
        {
            string normalized = string.Concat(name.Where(c => !char.IsWhiteSpace(c)));
            var byName = _analysis.Model.Packages.FirstOrDefault(p => p.Name.ToString() == normalized);
            if (byName is not null) return byName;
        }

        // A file without its own declaration shares its directory's package: find it by any item declared here.
        foreach (var @interface in _analysis.Model.Interfaces)
        {
            if (@interface.Location?.Path == _path && @interface.Package is { } package) return package;
        }

        foreach (var world in _analysis.Model.Worlds)
        {
            if (world.Location?.Path == _path && world.Package is { } package) return package;
        }

        return _analysis.IsRootFile(_path) ? PackageLookup.FindRoot(_analysis.Workspace, _analysis.Model) : null;
    }

    /// <summary>Every package of every root, each name and version once, sorted.</summary>
    public IReadOnlyList<Package> KnownPackages()
    {
        var result = new Dictionary<string, Package>(StringComparer.Ordinal);
        if (_analysis is not null)
        {
            foreach (var package in _analysis.Model.Packages) result.TryAdd(package.Name.ToString(), package);
        }

        foreach (var analysis in _snapshot.AllAnalyses())
        {
            foreach (var package in analysis.Model.Packages) result.TryAdd(package.Name.ToString(), package);
        }

        return result.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value).ToList();
    }

    /// <summary>The interface a <c>use</c> path names, or null (a local name is looked up in the current package).</summary>
    public Interface? ResolveInterface(UsePathSyntax path)
    {
        var identifiers = path.Identifiers.Select(t => Unescape(t.Text)).ToList();
        if (identifiers.Count == 0) return null;
        if (!path.IsForeign)
        {
            return CurrentPackage(path.Syntax) is { } current && current.Interfaces.TryGetValue(identifiers[0], out var local) ? local : null;
        }

        if (identifiers.Count < 3) return null;
        string ns = identifiers[0], name = identifiers[1], item = identifiers[identifiers.Count - 1];
        string? version = path.Version?.Syntax.ToString().TrimStart('@').Trim();
        foreach (var package in KnownPackages().Reverse())
        {
            if (package.Name.Namespace != ns || package.Name.Name != name) continue;
            if (version is not null && package.Name.Version != version) continue;
            if (package.Interfaces.TryGetValue(item, out var found)) return found;
        }

        return null;
    }

    /// <summary>The names of the interfaces declared in this document (for a file no root has loaded).</summary>
    public IEnumerable<string> SyntacticInterfaces() => _root.DescendantNodes()
        .Where(n => n.Kind == SyntaxKind.Interface)
        .Select(n => n.ChildTokens().FirstOrDefault(t => t.Kind == SyntaxKind.IdentifierToken && !t.IsMissing))
        .Where(t => t.Parent is not null)
        .Select(t => Unescape(t.Text));

    public static bool IsResource(TypeDefinition definition) => definition.IsResourceOrAlias;

    public static string Unescape(string name) => Wit.Core.Semantics.Names.Unescape(name);

    /// <summary>The model's types of the interface or world whose body is <paramref name="body"/>, by name.</summary>
    private IReadOnlyDictionary<string, TypeDefinition> ModelTypes(SyntaxNode body)
    {
        var result = new Dictionary<string, TypeDefinition>(StringComparer.Ordinal);
        if (_analysis is null || body.Parent is not { } owner) return result;
        var nameToken = owner.ChildTokens().FirstOrDefault(t => t.Kind == SyntaxKind.IdentifierToken && !t.IsMissing);
        if (nameToken.Parent is null) return result;
        int start = nameToken.Span.Start;
        if (owner.Kind == SyntaxKind.Interface)
        {
            var @interface = _analysis.Model.Interfaces.FirstOrDefault(i => i.Location?.Path == _path && i.Location.Span.Start == start);
            if (@interface is not null)
            {
                foreach (var type in @interface.Types) result[type.Key] = type.Value;
            }
        }
        else if (owner.Kind == SyntaxKind.World)
        {
            var world = _analysis.Model.Worlds.FirstOrDefault(w => w.Location?.Path == _path && w.Location.Span.Start == start);
            if (world is not null)
            {
                foreach (var item in world.Imports)
                {
                    if (item.Value.Type is { Name: { } name } type && type.Owner.World == world) result[name] = type;
                }
            }
        }

        return result;
    }
}
