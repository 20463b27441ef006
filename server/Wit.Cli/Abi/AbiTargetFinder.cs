using Wit.Core.Semantics;

namespace Wit.Cli.Abi;

/// <summary>
/// Finds what <c>wit abi</c> names in a resolved model, with Core's <see cref="PackageLookup"/> (which says how
/// <c>IFACE.NAME</c>, <c>WORLD.NAME</c>, <c>ns:pkg/iface@1.2.3.NAME</c> and resource functions are named).
/// </summary>
public sealed class AbiTargetFinder
{
    private readonly PackageLookup _lookup;

    public AbiTargetFinder(PackageLookup lookup)
    {
        _lookup = lookup;
    }

    /// <summary>The target <paramref name="name"/> names, or null with the reason in <paramref name="error"/>.</summary>
    public AbiTarget? Find(AbiTargetKind kind, string name, out string error)
    {
        var found = kind switch
        {
            AbiTargetKind.World => _lookup.FindWorld(name),
            AbiTargetKind.Type => _lookup.FindType(name),
            _ => _lookup.FindFunction(name),
        };
        error = found.Error;
        return found.Item switch
        {
            World world => AbiTarget.OfWorld(found.Name, world),
            TypeDefinition type => AbiTarget.OfType(found.Name, type),
            Function function => AbiTarget.OfFunction(found.Name, function),
            _ => null,
        };
    }
}
