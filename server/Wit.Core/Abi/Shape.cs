using System.Collections.Generic;
using Wit.Core.Semantics;

namespace Wit.Core.Abi;

/// <summary>How the Canonical ABI sees a definition after <c>despecialize</c>.</summary>
internal enum ShapeKind
{
    /// <summary>Handles, futures, streams (and a resource used as a value): one i32 in 4 bytes.</summary>
    Scalar4,
    DynamicList,
    FixedList,
    Record,
    Variant,
    Flags,
    Alias,
    Invalid,
}

/// <summary>The despecialised structure of definitions: tuples are records; enum, option and result are variants; map is a list.</summary>
internal static class Shape
{
    public static ShapeKind Of(TypeDefinition definition) => definition.Kind switch
    {
        TypeDefinitionKind.Handle or TypeDefinitionKind.Future or TypeDefinitionKind.Stream or TypeDefinitionKind.Resource => ShapeKind.Scalar4,
        TypeDefinitionKind.List or TypeDefinitionKind.Map => ShapeKind.DynamicList,
        TypeDefinitionKind.FixedSizeList => ShapeKind.FixedList,
        TypeDefinitionKind.Record or TypeDefinitionKind.Tuple => ShapeKind.Record,
        TypeDefinitionKind.Variant or TypeDefinitionKind.Enum or TypeDefinitionKind.Option or TypeDefinitionKind.Result => ShapeKind.Variant,
        TypeDefinitionKind.Flags => ShapeKind.Flags,
        TypeDefinitionKind.Alias => definition.Element is null ? ShapeKind.Invalid : ShapeKind.Alias,
        _ => ShapeKind.Invalid,
    };

    /// <summary>Record fields or tuple elements; null when one is missing.</summary>
    public static List<WitType>? Fields(TypeDefinition definition)
    {
        var result = new List<WitType>();
        if (definition.Kind == TypeDefinitionKind.Tuple)
        {
            result.AddRange(definition.Elements);
            return result;
        }

        foreach (var member in definition.Members)
        {
            if (member.Type is not { } type) return null;
            result.Add(type);
        }

        return result;
    }

    /// <summary>Each case's payload (null for none), in case order.</summary>
    public static List<WitType?> Cases(TypeDefinition definition)
    {
        var result = new List<WitType?>();
        switch (definition.Kind)
        {
            case TypeDefinitionKind.Option:
                result.Add(null);
                result.Add(definition.Element);
                break;
            case TypeDefinitionKind.Result:
                result.Add(definition.Ok);
                result.Add(definition.Err);
                break;
            default:
                foreach (var member in definition.Members) result.Add(member.Type);
                break;
        }

        return result;
    }

    /// <summary>The definitions whose layout and flattening this one's depend on.</summary>
    public static IEnumerable<TypeDefinition> Dependencies(TypeDefinition definition)
    {
        switch (Of(definition))
        {
            case ShapeKind.Alias:
            case ShapeKind.FixedList:
                if (definition.Element?.Definition is { } element) yield return element;
                break;
            case ShapeKind.Record:
                foreach (var field in Fields(definition) ?? new List<WitType>())
                {
                    if (field.Definition is { } d) yield return d;
                }

                break;
            case ShapeKind.Variant:
                foreach (var payload in Cases(definition))
                {
                    if (payload?.Definition is { } d) yield return d;
                }

                break;
        }
    }
}
