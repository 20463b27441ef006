using Wit.Core.Semantics;

namespace Wit.Cli.Abi;

/// <summary>What <c>wit abi</c> was asked about: one named type, one function or one world, with the name to print.</summary>
public sealed class AbiTarget
{
    private AbiTarget(string displayName, TypeDefinition? type, Function? function, World? world)
    {
        DisplayName = displayName;
        Type = type;
        Function = function;
        World = world;
    }

    /// <summary><c>ns:pkg/iface@v.item</c>, <c>ns:pkg/world@v.item</c> or <c>ns:pkg/world@v</c>.</summary>
    public string DisplayName { get; }

    public TypeDefinition? Type { get; }

    public Function? Function { get; }

    public World? World { get; }

    public static AbiTarget OfType(string displayName, TypeDefinition type) => new(displayName, type, null, null);

    public static AbiTarget OfFunction(string displayName, Function function) => new(displayName, null, function, null);

    public static AbiTarget OfWorld(string displayName, World world) => new(displayName, null, null, world);
}
