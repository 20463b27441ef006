using System;
using Wit.Runtime.Canonical;

namespace Wit.Runtime.Component;

/// <summary>
/// A component-level function of a running instance: a lifted core function, a host function from the
/// <see cref="ComponentLinker"/>, or either of those re-exported. <see cref="Invoke"/> takes and returns
/// <see cref="ComponentValue"/>s (handles as their resource's rep); a trap is a <see cref="WasmException"/>
/// (<see cref="CanonicalTrapException"/> for the Canonical ABI's own).
/// </summary>
public sealed class ComponentFunction
{
    private readonly Func<ComponentValue[], ComponentValue?> _call;

    internal ComponentFunction(FuncTypeDef type, Func<ComponentValue[], ComponentValue?> call, CallCost cost)
    {
        Type = type;
        _call = call;
        Cost = cost;
    }

    /// <summary>For a host function, the name the component imported it under (<c>iface#name</c>, or the plain name); else null.</summary>
    public string? Name { get; internal set; }

    /// <summary>The function's type (its parameters' names and types, its result).</summary>
    public FuncTypeDef Type { get; }

    /// <summary>What the calls of this function cost at the boundary so far (shared by its re-exports).</summary>
    public CallCost Cost { get; }

    /// <summary>Calls the function with one value per parameter; returns its result, or null when it has none.</summary>
    public ComponentValue? Invoke(params ComponentValue[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Length != Type.Params.Count)
        {
            throw new WasmException(WasmErrorKind.Usage, -1, $"the function takes {Type.Params.Count} argument(s), {arguments.Length} given");
        }

        Cost.Calls++;
        return _call(arguments);
    }

    public override string ToString() => ComponentWit.Type(Type);
}
