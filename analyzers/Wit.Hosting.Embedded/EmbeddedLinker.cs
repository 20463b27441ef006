using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Runtime;
using Wit.Runtime.Canonical;
using Wit.Runtime.Component;

namespace Wit.Hosting.Embedded;

/// <summary>
/// Wit.Hosting's <see cref="IWitLinker"/> on the embedded engine: a component binary decoded by Wit.Runtime, its imports
/// served by the host's functions and resources (host objects cross as reps of a table this linker keeps), instantiated
/// by <see cref="ComponentInstantiator"/>. Values are converted by the component's own types
/// (<see cref="EmbeddedValues"/>); the component's own resources reach the host as handles of the latest instance.
/// </summary>
public sealed class EmbeddedLinker : IWitLinker
{
    private readonly WasmComponent _component;
    private readonly ComponentLinker _linker = new();
    private readonly EmbeddedValues _values;
    private bool _disposed;

    /// <summary>A linker for the component in <paramref name="binary"/> (the component binary format); a malformed or invalid one throws <see cref="WasmException"/>.</summary>
    public EmbeddedLinker(byte[] binary)
    {
        ArgumentNullException.ThrowIfNull(binary);
        _component = ComponentDecoder.Decode(binary);
        _values = new EmbeddedValues(_component);
    }

    /// <inheritdoc/>
    public void DefineFunction(string? instance, string function, WitHostFunction implementation)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(implementation);
        var type = ImportedFunction(instance, function);
        string name = instance is null ? function : $"{instance}#{function}";
        _linker.DefineFunction(instance ?? "", function, arguments =>
        {
            var values = new WitValue[arguments.Length];
            for (int i = 0; i < values.Length; i++) values[i] = _values.ToWit(arguments[i], type.Params[i].Type);
            WitValue? result;
            try
            {
                result = implementation(values);
            }
            catch (Exception e) when (e is not WasmException)
            {
                throw new WasmException(WasmErrorKind.Trap, -1, $"host function `{name}` failed: {e.GetType().Name}: {e.Message}", e);
            }

            if (type.Result is null) return null;
            return _values.ToComponent(result ?? throw new WasmException(WasmErrorKind.Trap, -1, $"host function `{name}` returned no value"), type.Result);
        });
    }

    /// <inheritdoc/>
    public void DefineResource(string? instance, string resource)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(resource);
        string name = instance is null ? resource : $"{instance}#{resource}";
        _linker.DefineResource(instance ?? "", resource, rep =>
        {
            if (_values.HostObjects.Remove(rep) is IDisposable disposable) disposable.Dispose();
        });
        _values.HostResources.Add(name);
    }

    /// <inheritdoc/>
    public IWitInstance Instantiate()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            var runtime = ComponentInstantiator.Instantiate(_component, _linker);
            var instance = new EmbeddedInstance(runtime, _values);
            _values.Instance = (instance, runtime);
            return instance;
        }
        catch (WasmException e) when (e.Kind == WasmErrorKind.Trap)
        {
            throw new WitTrapException("(instantiation)", e.Message, e);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _disposed = true;

    private FuncTypeDef ImportedFunction(string? instance, string function)
    {
        foreach (var im in _component.Imports)
        {
            if (instance is null && im.Name == function && im.Desc.Type is FuncTypeDef f) return f;
            if (instance is not null && im.Name == instance && im.Desc.Type is InstanceTypeDef it && it.Export(function)?.Type is FuncTypeDef g) return g;
        }

        throw new ArgumentException($"The component imports no function `{(instance is null ? function : $"{instance}#{function}")}`.");
    }
}
