using System;
using System.Collections.Generic;

namespace Wit.Core.Semantics;

/// <summary>
/// The structure of a constructed type (<c>list&lt;T&gt;</c>, <c>result&lt;O, E&gt;</c>, <c>borrow&lt;r&gt;</c>, ...):
/// both the key that deduplicates anonymous types within a package (two shapes are equal when their kinds, numbers
/// and handle kinds are, and their parts are the same primitives or the very same definitions) and what a definition
/// of that shape is filled from. A value, so that looking up an existing anonymous type allocates nothing.
/// </summary>
internal readonly struct TypeShape : IEquatable<TypeShape>
{
    private TypeShape(TypeDefinitionKind kind, WitType? first, WitType? second, uint number, HandleKind handle, TypeDefinition? resource, IReadOnlyList<WitType>? elements)
    {
        Kind = kind;
        First = first;
        Second = second;
        Number = number;
        Handle = handle;
        Resource = resource;
        Elements = elements;
    }

    public TypeDefinitionKind Kind { get; }

    /// <summary>The element (list, option, future, stream), the <c>ok</c> type of a result, the key of a map.</summary>
    public WitType? First { get; }

    /// <summary>The <c>err</c> type of a result, the value of a map.</summary>
    public WitType? Second { get; }

    /// <summary>The length of a fixed-size list.</summary>
    public uint Number { get; }

    public HandleKind Handle { get; }

    public TypeDefinition? Resource { get; }

    /// <summary>The element types of a tuple.</summary>
    public IReadOnlyList<WitType>? Elements { get; }

    public static TypeShape Of(TypeDefinitionKind kind, WitType? first = null, WitType? second = null, uint number = 0) => new(kind, first, second, number, default, null, null);

    public static TypeShape HandleOf(HandleKind handle, TypeDefinition resource) => new(TypeDefinitionKind.Handle, null, null, 0, handle, resource, null);

    public static TypeShape TupleOf(IReadOnlyList<WitType> elements) => new(TypeDefinitionKind.Tuple, null, null, 0, default, null, elements);

    /// <summary>The shape <paramref name="definition"/> was given by <see cref="Fill"/>.</summary>
    public static TypeShape Of(TypeDefinition definition) => definition.Kind switch
    {
        TypeDefinitionKind.Result => new(definition.Kind, definition.Ok, definition.Err, 0, definition.HandleKind, definition.Resource, null),
        TypeDefinitionKind.Map => new(definition.Kind, definition.Key, definition.Element, 0, definition.HandleKind, definition.Resource, null),
        TypeDefinitionKind.Tuple => new(definition.Kind, null, null, definition.FixedLength, definition.HandleKind, definition.Resource, definition.Elements),
        _ => new(definition.Kind, definition.Element, null, definition.FixedLength, definition.HandleKind, definition.Resource, null),
    };

    /// <summary>Gives <paramref name="definition"/> this shape (every structural member, the unused ones cleared).</summary>
    public void Fill(TypeDefinition definition)
    {
        definition.Kind = Kind;
        definition.Element = Kind is TypeDefinitionKind.Result or TypeDefinitionKind.Map ? (Kind == TypeDefinitionKind.Map ? Second : null) : First;
        definition.Key = Kind == TypeDefinitionKind.Map ? First : null;
        definition.Ok = Kind == TypeDefinitionKind.Result ? First : null;
        definition.Err = Kind == TypeDefinitionKind.Result ? Second : null;
        definition.Elements = Elements ?? Array.Empty<WitType>();
        definition.FixedLength = Number;
        definition.HandleKind = Handle;
        definition.Resource = Resource;
    }

    public bool Equals(TypeShape other)
    {
        if (Kind != other.Kind || Number != other.Number || Handle != other.Handle || !ReferenceEquals(Resource, other.Resource)) return false;
        if (!Nullable.Equals(First, other.First) || !Nullable.Equals(Second, other.Second)) return false;
        if (Elements is null || other.Elements is null) return Elements is null && other.Elements is null;
        if (Elements.Count != other.Elements.Count) return false;
        for (int i = 0; i < Elements.Count; i++)
        {
            if (!Elements[i].Equals(other.Elements[i])) return false;
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is TypeShape other && Equals(other);

    public override int GetHashCode()
    {
        unchecked
        {
            int hash = ((int)Kind * 31) + (int)Number;
            hash = (hash * 31) + (int)Handle;
            hash = (hash * 31) + (Resource?.GetHashCode() ?? 0);
            hash = (hash * 31) + (First?.GetHashCode() ?? -1);
            hash = (hash * 31) + (Second?.GetHashCode() ?? -1);
            if (Elements is not null)
            {
                foreach (var element in Elements) hash = (hash * 31) + element.GetHashCode();
            }

            return hash;
        }
    }
}
