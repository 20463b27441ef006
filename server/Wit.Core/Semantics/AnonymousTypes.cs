using System;
using System.Collections.Generic;

namespace Wit.Core.Semantics;

/// <summary>
/// Type definitions made outside a resolved model: what a component's types are when the Canonical ABI lifts and lowers
/// them at run time (the component decoder knows types structurally, not from WIT text). Each call makes a new
/// definition, owned by no interface or world; <see cref="Abi.CanonicalAbi"/> lays them out as it lays out resolved ones.
/// </summary>
public static class AnonymousTypes
{
    public static TypeDefinition Record(string? name, IReadOnlyList<(string Name, WitType Type)> fields) =>
        new(TypeDefinitionKind.Record) { Name = name, Members = Members(fields) };

    public static TypeDefinition Variant(string? name, IReadOnlyList<(string Name, WitType? Type)> cases) =>
        new(TypeDefinitionKind.Variant) { Name = name, Members = Members(cases) };

    public static TypeDefinition Enum(string? name, IReadOnlyList<string> cases) =>
        new(TypeDefinitionKind.Enum) { Name = name, Members = Names(cases) };

    public static TypeDefinition Flags(string? name, IReadOnlyList<string> flags) =>
        new(TypeDefinitionKind.Flags) { Name = name, Members = Names(flags) };

    public static TypeDefinition Tuple(IReadOnlyList<WitType> elements) =>
        new(TypeDefinitionKind.Tuple) { Elements = elements };

    public static TypeDefinition List(WitType element) =>
        new(TypeDefinitionKind.List) { Element = element };

    public static TypeDefinition FixedSizeList(WitType element, uint length) =>
        new(TypeDefinitionKind.FixedSizeList) { Element = element, FixedLength = length };

    public static TypeDefinition Map(WitType key, WitType value) =>
        new(TypeDefinitionKind.Map) { Key = key, Element = value };

    public static TypeDefinition Option(WitType element) =>
        new(TypeDefinitionKind.Option) { Element = element };

    public static TypeDefinition Result(WitType? ok, WitType? err) =>
        new(TypeDefinitionKind.Result) { Ok = ok, Err = err };

    /// <summary>A resource type: only its identity matters to lifting and lowering (what a handle of it maps to).</summary>
    public static TypeDefinition Resource(string? name) =>
        new(TypeDefinitionKind.Resource) { Name = name };

    public static TypeDefinition Handle(TypeDefinition resource, HandleKind kind) =>
        new(TypeDefinitionKind.Handle) { Resource = resource ?? throw new ArgumentNullException(nameof(resource)), HandleKind = kind };

    private static NamedType[] Members(IReadOnlyList<(string Name, WitType Type)> members)
    {
        var result = new NamedType[members.Count];
        for (int i = 0; i < result.Length; i++) result[i] = new NamedType(members[i].Name, members[i].Type);
        return result;
    }

    private static NamedType[] Members(IReadOnlyList<(string Name, WitType? Type)> members)
    {
        var result = new NamedType[members.Count];
        for (int i = 0; i < result.Length; i++) result[i] = new NamedType(members[i].Name, members[i].Type);
        return result;
    }

    private static NamedType[] Names(IReadOnlyList<string> names)
    {
        var result = new NamedType[names.Count];
        for (int i = 0; i < result.Length; i++) result[i] = new NamedType(names[i], null);
        return result;
    }
}
