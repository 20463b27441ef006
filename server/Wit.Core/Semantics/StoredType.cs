namespace Wit.Core.Semantics;

/// <summary>
/// A <see cref="WitType"/>? kept in one reference (8 bytes instead of 24): its definition, or one shared boxed
/// <see cref="PrimitiveType"/>, or null. Fields, parameters, results and type parts are each one of these, and a
/// large document's model holds tens of thousands of them.
/// </summary>
internal readonly struct StoredType
{
    private static readonly object[] Primitives = CreatePrimitives();

    private readonly object? _value;

    public StoredType(WitType? type)
    {
        _value = type is not { } t ? null
            : t.Definition is { } definition ? definition
            : (uint)t.Primitive < (uint)Primitives.Length ? Primitives[(int)t.Primitive] : t.Primitive;
    }

    public WitType? Value => _value switch
    {
        TypeDefinition definition => WitType.Of(definition),
        PrimitiveType primitive => WitType.Of(primitive),
        _ => null,
    };

    private static object[] CreatePrimitives()
    {
        // The enum's values run from 0 to its last one, ErrorContext.
        var boxes = new object[(int)PrimitiveType.ErrorContext + 1];
        for (int i = 0; i < boxes.Length; i++) boxes[i] = (PrimitiveType)i;
        return boxes;
    }
}
