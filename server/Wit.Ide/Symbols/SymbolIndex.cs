using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Semantics;
using Wit.Ide.Analysis;

namespace Wit.Ide.Symbols;

/// <summary>
/// Every declaration of one analysis, by file and by <see cref="SymbolKey"/>: packages, interfaces, worlds, named
/// types, functions, and the members of types and functions. Built once per analysis, on first use.
/// </summary>
public sealed class SymbolIndex
{
    private readonly Dictionary<string, List<SymbolTarget>> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<SymbolKey, SymbolTarget> _byKey = new();

    private SymbolIndex()
    {
    }

    /// <summary>The declarations in <paramref name="path"/>, in source order.</summary>
    public IReadOnlyList<SymbolTarget> DeclarationsIn(string path) =>
        _byPath.TryGetValue(path, out var list) ? list : (IReadOnlyList<SymbolTarget>)Array.Empty<SymbolTarget>();

    /// <summary>Every declaration of the analysis.</summary>
    public IEnumerable<SymbolTarget> All => _byKey.Values;

    public SymbolTarget? Find(SymbolKey key) => _byKey.TryGetValue(key, out var target) ? target : null;

    internal static SymbolIndex Build(RootAnalysis analysis)
    {
        var index = new SymbolIndex();
        var model = analysis.Model;
        foreach (var package in model.Packages) index.Add(new SymbolTarget(package, package.Location, analysis));
        foreach (var @interface in model.Interfaces)
        {
            // Inline interfaces of worlds are declared by their world item; they still carry a location.
            index.Add(new SymbolTarget(@interface, @interface.Location, analysis, @interface.Package));
            foreach (var function in @interface.Functions.Values) index.AddFunction(function, analysis, @interface);
        }

        foreach (var world in model.Worlds)
        {
            index.Add(new SymbolTarget(world, world.Location, analysis, world.Package));
            foreach (var item in world.Imports.Concat(world.Exports))
            {
                if (item.Value.Function is { } function) index.AddFunction(function, analysis, world);
            }
        }

        foreach (var type in model.Types)
        {
            if (type.Name is null) continue;
            object? container = type.Owner.Interface ?? (object?)type.Owner.World;
            index.Add(new SymbolTarget(type, type.Location, analysis, container));
            foreach (var member in type.Members) index.Add(new SymbolTarget(member, member.Location, analysis, type));
        }

        foreach (var list in index._byPath.Values) list.Sort((a, b) => a.Declaration!.Span.Start.CompareTo(b.Declaration!.Span.Start));
        return index;
    }

    private void AddFunction(Function function, RootAnalysis analysis, object container)
    {
        Add(new SymbolTarget(function, function.Location, analysis, container));
        foreach (var parameter in function.Parameters) Add(new SymbolTarget(parameter, parameter.Location, analysis, function));
    }

    private void Add(SymbolTarget target)
    {
        if (target.Key is not { } key) return;

        // The first declaration at a location wins: an item copied into a world by `include` keeps the original's
        // location, and the original is the one to show.
        if (!_byKey.TryAdd(key, target)) return;
        if (!_byPath.TryGetValue(key.Path, out var list)) _byPath[key.Path] = list = new List<SymbolTarget>();
        list.Add(target);
    }
}
