using System.Collections.Generic;

namespace Wit.Core.Semantics;

/// <summary>
/// Puts the anonymous <c>own&lt;T&gt;</c> handles of one package where wit-parser allocates them, so that type indices
/// (and so <c>wit resolve</c>'s JSON) equal upstream's. wit-parser resolves a package first without own handles (a
/// value use of a resource is the resource itself) and creates each package's own handle when it links the package
/// into its <c>Resolve</c>: while copying the types in order (a type's handle before the type that uses it, through
/// record fields, tuple, variant, option, list, map, result, future and stream elements, not through aliases or
/// borrow handles), then while updating the functions of each interface and then of each world (parameters, then
/// the result). Our resolver creates the handle where it first meets the use; this pass reorders the package's slice
/// of the arena to upstream's order. Every other type keeps its relative order.
/// </summary>
internal static class TypeArenaOrder
{
    /// <summary>Reorders <paramref name="model"/>'s types from <paramref name="typesStart"/> on.</summary>
    public static void Apply(WitModel model, int typesStart, int interfacesStart, int worldsStart)
    {
        var types = model.Types;
        int count = types.Count - typesStart;
        if (count <= 1) return;
        // Most packages of a large file have no resource: nothing to move, and no copy of the slice to make.
        HashSet<TypeDefinition>? found = null;
        for (int i = typesStart; i < types.Count; i++)
        {
            if (IsAnonymousOwnHandle(types[i])) (found ??= new HashSet<TypeDefinition>()).Add(types[i]);
        }

        if (found is not { } handles) return;
        var slice = types.GetRange(typesStart, count);

        var order = new List<TypeDefinition>(count);
        var placed = new HashSet<TypeDefinition>();
        void Need(WitType? type)
        {
            if (type?.Definition is { } definition && handles.Contains(definition) && placed.Add(definition)) order.Add(definition);
        }

        void NeedFunction(Function function)
        {
            foreach (var parameter in function.Parameters) Need(parameter.Type);
            Need(function.Result);
        }

        foreach (var type in slice)
        {
            if (handles.Contains(type)) continue;
            foreach (var used in FieldTypes(type)) Need(used);
            order.Add(type);
            placed.Add(type);
        }

        for (int i = interfacesStart; i < model.Interfaces.Count; i++)
        {
            foreach (var entry in model.Interfaces[i].Functions) NeedFunction(entry.Value);
        }

        for (int i = worldsStart; i < model.Worlds.Count; i++)
        {
            var world = model.Worlds[i];
            foreach (var entry in world.Imports)
            {
                if (entry.Value.Function is { } function) NeedFunction(function);
            }

            foreach (var entry in world.Exports)
            {
                if (entry.Value.Function is { } function) NeedFunction(function);
            }
        }

        // Handles nothing above reaches (created while copying an included world's items) keep their relative order.
        foreach (var type in slice)
        {
            if (placed.Add(type)) order.Add(type);
        }

        for (int i = 0; i < order.Count; i++)
        {
            order[i].Index = typesStart + i;
            types[typesStart + i] = order[i];
        }
    }

    /// <summary>An <c>own&lt;T&gt;</c> the resolver made for a value use of a resource (wit-parser makes them when linking).</summary>
    internal static bool IsAnonymousOwnHandle(TypeDefinition type) =>
        type.Name is null && type.Kind == TypeDefinitionKind.Handle && type.HandleKind == HandleKind.Own;

    /// <summary>The types wit-parser's linking step updates inside a type definition, in its order.</summary>
    internal static IEnumerable<WitType?> FieldTypes(TypeDefinition type)
    {
        switch (type.Kind)
        {
            case TypeDefinitionKind.Record:
            case TypeDefinitionKind.Variant:
                foreach (var member in type.Members) yield return member.Type;
                break;
            case TypeDefinitionKind.Tuple:
                foreach (var element in type.Elements) yield return element;
                break;
            case TypeDefinitionKind.Option:
            case TypeDefinitionKind.List:
            case TypeDefinitionKind.FixedSizeList:
            case TypeDefinitionKind.Future:
            case TypeDefinitionKind.Stream:
                yield return type.Element;
                break;
            case TypeDefinitionKind.Map:
                yield return type.Key;
                yield return type.Element;
                break;
            case TypeDefinitionKind.Result:
                yield return type.Ok;
                yield return type.Err;
                break;
        }
    }
}
