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

    /// <summary>
    /// Provides the resource type <paramref name="resource"/> of the imported interface <paramref name="instance"/>
    /// (null: the world's own), implemented by the host: its handles cross as <see cref="WitValue.Own(string, object)"/> and
    /// <see cref="WitValue.Borrow(string, object)"/> of the host's objects, named <c>instance#resource</c> (or <c>resource</c>).
    /// When the component drops an owned handle, the engine disposes its object if it is <see cref="IDisposable"/>.
    /// </summary>
    void DefineResource(string? instance, string resource);

    /// <summary>Instantiates the component with the functions defined so far.</summary>
    IWitInstance Instantiate();
}
