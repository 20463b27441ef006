using System;

namespace Wit.Hosting;

/// <summary>
/// The engine-neutral contract by which a host provides a component's imports and instantiates it: an engine adapter
/// (Wit.Hosting.Wasmtime, and later the interpreter) implements it for one component.
/// </summary>
public interface IWitLinker : IDisposable
{
    /// <summary>
    /// Provides <paramref name="function"/> of the imported interface <paramref name="instance"/>
    /// (<c>ns:pkg/iface@v</c>; null for a function the world imports itself).
    /// </summary>
    void DefineFunction(string? instance, string function, WitHostFunction implementation);

    /// <summary>Instantiates the component with the functions defined so far.</summary>
    IWitInstance Instantiate();
}
