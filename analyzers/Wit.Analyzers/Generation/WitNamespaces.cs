using System.Collections.Generic;
using System.Linq;
using Wit.Core.Semantics;

namespace Wit.Analyzers.Generation;

/// <summary>
/// The C# namespace of each WIT interface and world: <c>wasi:io/streams</c> is <c>Wasi.Io.Streams</c>, the world
/// <c>example:app/host</c> is <c>Example.App.Host</c>, and an interface a world imports inline as <c>foo</c> is
/// <c>Example.App.Host.Foo</c>. The version joins the namespace (<c>Wasi.Io.V0_2_12.Streams</c>) only when the model
/// holds two versions of the same package.
/// </summary>
internal sealed class WitNamespaces
{
    private readonly HashSet<string> _versioned;
    private readonly Dictionary<Interface, string> _inline = new();

    public WitNamespaces(WitModel model, World world)
    {
        _versioned = new HashSet<string>(model.Packages.GroupBy(p => p.Name.WithoutVersion).Where(g => g.Count() > 1).Select(g => g.Key));
        string worldNamespace = Of(world);
        foreach (var pair in world.Imports.Concat(world.Exports))
        {
            if (pair.Value.Interface is { Name: null } inline && pair.Key.Name is { } key) _inline[inline] = worldNamespace + "." + CSharpNames.Pascal(key);
        }
    }

    public string Of(World world) => world.Package is { } package ? OfPackage(package) + "." + CSharpNames.Pascal(world.Name) : CSharpNames.Pascal(world.Name);

    public string Of(Interface @interface)
    {
        if (_inline.TryGetValue(@interface, out var inline)) return inline;
        string name = CSharpNames.Pascal(@interface.Name ?? "inline" + @interface.Index);
        return @interface.Package is { } package ? OfPackage(package) + "." + name : name;
    }

    /// <summary>The namespace a named type is declared in: its interface's or its world's.</summary>
    public string Of(TypeDefinition definition) =>
        definition.Owner.Interface is { } @interface ? Of(@interface)
        : definition.Owner.World is { } world ? Of(world)
        : "Wit.Anonymous";

    private string OfPackage(Package package)
    {
        string text = CSharpNames.Pascal(package.Name.Namespace) + "." + CSharpNames.Pascal(package.Name.Name);
        if (package.Name.Version is { } version && _versioned.Contains(package.Name.WithoutVersion))
        {
            text += ".V" + new string(version.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
        }

        return text;
    }
}
