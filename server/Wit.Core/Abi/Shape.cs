using System;
using System.Collections.Generic;
using Wit.Core.Semantics;

namespace Wit.Core.Abi;

/// <summary>How the Canonical ABI sees a definition after <c>despecialize</c>.</summary>
public enum ShapeKind
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
public static class Shape
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

    /// <summary>
    /// How many fields a record (or elements a tuple) has, or -1 when a field has no type: with <see cref="PartAt"/>,
    /// the fields without a list.
    /// </summary>
    public static int FieldCount(TypeDefinition definition)
    {
        if (definition.Kind == TypeDefinitionKind.Tuple) return definition.Elements.Count;
        var members = definition.Members;
        for (int i = 0; i < members.Count; i++)
        {
            if (members[i].Type is null) return -1;
        }

        return members.Count;
    }

    /// <summary>How many cases a variant (or enum, option, result) has: with <see cref="PartAt"/>, the payloads without a list.</summary>
    public static int CaseCount(TypeDefinition definition) =>
        definition.Kind is TypeDefinitionKind.Option or TypeDefinitionKind.Result ? 2 : definition.Members.Count;

    /// <summary>
    /// Part <paramref name="index"/> of a record, tuple or variant, as <see cref="Fields"/> and <see cref="Cases"/>
    /// list them (an option's first case has no payload: null); the element of an alias or fixed-size list.
    /// </summary>
    public static WitType? PartAt(TypeDefinition definition, int index) => Of(definition) switch
    {
        ShapeKind.Alias or ShapeKind.FixedList => definition.Element,
        ShapeKind.Record => definition.Kind == TypeDefinitionKind.Tuple ? definition.Elements[index] : definition.Members[index].Type,
        ShapeKind.Variant => definition.Kind switch
        {
            TypeDefinitionKind.Option => index == 0 ? null : definition.Element,
            TypeDefinitionKind.Result => index == 0 ? definition.Ok : definition.Err,
            _ => definition.Members[index].Type,
        },
        _ => null,
    };

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

    /// <summary>
    /// How many dependency slots <see cref="DependencyAt"/> has for a definition: its parts in order (fields,
    /// elements, case payloads), none for a record with a field that has no type. A slot may hold no definition (a
    /// primitive, a case without payload). Slots instead of a list, so the memoised walk allocates nothing per type.
    /// </summary>
    public static int DependencyCount(TypeDefinition definition) => Of(definition) switch
    {
        ShapeKind.Alias or ShapeKind.FixedList => 1,
        ShapeKind.Record => Math.Max(0, FieldCount(definition)),
        ShapeKind.Variant => CaseCount(definition),
        _ => 0,
    };

    /// <summary>The definition in dependency slot <paramref name="index"/> (below <see cref="DependencyCount"/>), or null.</summary>
    public static TypeDefinition? DependencyAt(TypeDefinition definition, int index) => PartAt(definition, index)?.Definition;
}
