namespace Wit.Core.Semantics;

/// <summary>What a world imports or exports: an interface, a function or a type.</summary>
public sealed class WorldItem
{
    private WorldItem(Interface? @interface, Function? function, TypeDefinition? type, Stability stability)
    {
        Interface = @interface;
        Function = function;
        Type = type;
        Stability = stability;
    }

    public static WorldItem OfInterface(Interface @interface, Stability stability) => new(@interface, null, null, stability);

    internal static WorldItem OfInterface(Interface @interface, Stability stability, SourceLocation? location) =>
        new(@interface, null, null, stability) { Location = location };

    public static WorldItem OfFunction(Function function) => new(null, function, null, function.Stability);

    public static WorldItem OfType(TypeDefinition type) => new(null, null, type, type.Stability);

    public Interface? Interface { get; }

    public Function? Function { get; }

    public TypeDefinition? Type { get; }

    /// <summary>The gate on the import or export itself (for interfaces; functions and types carry their own).</summary>
    public Stability Stability { get; }

    public SourceLocation? Location { get; internal set; }
}
