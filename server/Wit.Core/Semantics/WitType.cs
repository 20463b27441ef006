using System;

namespace Wit.Core.Semantics;

/// <summary>A resolved type: a primitive, or a reference to a type definition (named or anonymous).</summary>
public readonly struct WitType : IEquatable<WitType>
{
    private WitType(PrimitiveType primitive)
    {
        Primitive = primitive;
        Definition = null;
    }

    private WitType(TypeDefinition definition)
    {
        Primitive = default;
        Definition = definition;
    }

    public static WitType Of(PrimitiveType primitive) => new(primitive);

    public static WitType Of(TypeDefinition definition) => new(definition ?? throw new ArgumentNullException(nameof(definition)));

    /// <summary>The primitive, meaningful only when <see cref="Definition"/> is null.</summary>
    public PrimitiveType Primitive { get; }

    public TypeDefinition? Definition { get; }

    public bool IsPrimitive => Definition is null;

    public bool Equals(WitType other) => ReferenceEquals(Definition, other.Definition) && (Definition is not null || Primitive == other.Primitive);

    public override bool Equals(object? obj) => obj is WitType other && Equals(other);

    public override int GetHashCode() => Definition?.GetHashCode() ?? (int)Primitive;

    public override string ToString() => Definition is { } d ? d.ToString() : PrimitiveNames.Name(Primitive);
}
