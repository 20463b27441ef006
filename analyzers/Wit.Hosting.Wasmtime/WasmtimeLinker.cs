using System;
using System.Collections.Generic;
using System.Linq;
using Wasmtime;
using Wasmtime.Components;

namespace Wit.Hosting.Wasmtime;

/// <summary>
/// Wit.Hosting's <see cref="IWitLinker"/> on Wasmtime: collects the host's functions, then defines them on a
/// <see cref="ComponentLinker"/> (the world's own imports on its root, each interface's on an instance of its name) and
/// instantiates the component in a new <see cref="Store"/>. A host function's exception becomes a trap of the call that
/// reached it, reported by <see cref="IWitInstance.Call"/> as a <see cref="WitTrapException"/> with that exception inside.
/// </summary>
public sealed class WasmtimeLinker : IWitLinker
{
    private readonly Engine _engine;
    private readonly Component _component;
    private readonly List<(string? Instance, string Function, WitHostFunction Implementation)> _functions = new();
    private bool _disposed;

    /// <summary>A linker for <paramref name="component"/> (which the caller keeps and disposes) on <paramref name="engine"/>.</summary>
    public WasmtimeLinker(Engine engine, Component component)
    {
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _component = component ?? throw new ArgumentNullException(nameof(component));
    }

    /// <inheritdoc />
    public void DefineFunction(string? instance, string function, WitHostFunction implementation)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(implementation);
        _functions.Add((instance, function, implementation));
    }

    /// <inheritdoc />
    public IWitInstance Instantiate()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var store = new Store(_engine);
        var linker = new ComponentLinker(_engine);
        var failures = new HostFailures();
        var callbacks = new List<ComponentFunctionCallback>();
        try
        {
            // The root instance must be disposed before Instantiate, or instantiation fails.
            using (var root = linker.Root())
            {
                foreach (var group in _functions.GroupBy(f => f.Instance))
                {
                    if (group.Key is null)
                    {
                        foreach (var f in group) root.DefineFunction(f.Function, Callback(f.Function, f.Implementation, failures, callbacks));
                        continue;
                    }

                    using var instance = root.AddInstance(group.Key);
                    foreach (var f in group) instance.DefineFunction(f.Function, Callback($"{group.Key}#{f.Function}", f.Implementation, failures, callbacks));
                }
            }

            var instantiated = linker.Instantiate(store, _component);
            return new WasmtimeInstance(store, linker, instantiated, failures, callbacks);
        }
        catch
        {
            linker.Dispose();
            store.Dispose();
            throw;
        }
    }

    private static ComponentFunctionCallback Callback(string name, WitHostFunction implementation, HostFailures failures, List<ComponentFunctionCallback> keepAlive)
    {
        ComponentFunctionCallback callback = (arguments, results) =>
        {
            var values = new WitValue[arguments.Length];
            for (int i = 0; i < arguments.Length; i++) values[i] = WasmtimeValues.FromWasmtime(arguments[i]);
            WitValue? result;
            try
            {
                result = implementation(values);
            }
            catch (Exception exception)
            {
                // Remembered so that the trap the engine reports can name the host function and carry its exception.
                failures.Last = (name, exception);
                throw;
            }

            if (results.Length > 0)
            {
                results[0] = WasmtimeValues.ToWasmtime(result ?? throw new InvalidOperationException($"The host function `{name}` returned no value."));
            }
        };
        keepAlive.Add(callback);
        return callback;
    }

    /// <inheritdoc />
    public void Dispose() => _disposed = true;
}
