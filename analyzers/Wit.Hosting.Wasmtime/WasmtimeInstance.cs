using System;
using System.Collections.Generic;
using Wasmtime;
using Wasmtime.Components;

namespace Wit.Hosting.Wasmtime;

/// <summary>An instantiated component on Wasmtime, called through Wit.Hosting's <see cref="IWitInstance"/>.</summary>
internal sealed class WasmtimeInstance : IWitInstance
{
    private readonly Store _store;
    private readonly ComponentLinker _linker;
    private readonly ComponentInstance _instance;
    private readonly HostFailures _failures;

    // Looked up once per export: the lookup costs about as much as a call of a small function.
    private readonly Dictionary<(string? Instance, string Function), ComponentFunction> _exports = new();

    // The native side holds function pointers to these delegates: they must live as long as the instance.
    private readonly List<ComponentFunctionCallback> _callbacks;

    public WasmtimeInstance(Store store, ComponentLinker linker, ComponentInstance instance, HostFailures failures, List<ComponentFunctionCallback> callbacks)
    {
        _store = store;
        _linker = linker;
        _instance = instance;
        _failures = failures;
        _callbacks = callbacks;
    }

    public WitValue? Call(string? instance, string function, IReadOnlyList<WitValue> arguments)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(arguments);
        string name = instance is null ? function : $"{instance}#{function}";
        if (!_exports.TryGetValue((instance, function), out var exported))
        {
            exported = (instance is null ? _instance.GetFunction(function) : _instance.GetFunction(instance, function))
                ?? throw new ArgumentException($"The component exports no function `{name}`.", nameof(function));
            _exports[(instance, function)] = exported;
        }

        var values = new ComponentValue[arguments.Count];
        for (int i = 0; i < values.Length; i++) values[i] = WasmtimeValues.ToWasmtime(arguments[i]);
        _failures.Last = null;
        ComponentValue? result;
        try
        {
            result = exported.Call(values);
        }
        catch (WasmtimeException exception)
        {
            if (_failures.Last is { } failure)
            {
                _failures.Last = null;
                throw new WitTrapException(name, $"the host function `{failure.Function}` threw {failure.Exception.GetType().Name}: {failure.Exception.Message}", failure.Exception);
            }

            throw new WitTrapException(name, exception.Message, exception);
        }

        return exported.HasResult && result is not null ? WasmtimeValues.FromWasmtime(result) : null;
    }

    public void Dispose()
    {
        GC.KeepAlive(_callbacks);
        _linker.Dispose();
        _store.Dispose();
    }
}
