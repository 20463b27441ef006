using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using Wasmtime;
using Wasmtime.Components;
using static Wit.Hosting.Wasmtime.Native;

namespace Wit.Hosting.Wasmtime;

/// <summary>
/// Wit.Hosting's <see cref="IWitLinker"/> on Wasmtime: collects the host's functions and resources, then defines them
/// on a component linker (the world's own imports on its root, each interface's on an instance of its name) and
/// instantiates the component in a new store. It calls libwasmtime's C API (in the Wasmtime package) directly, since
/// the .NET binding does not carry resources. A host function's exception becomes a trap of the call that reached it,
/// reported by <see cref="IWitInstance.Call"/> as a <see cref="WitTrapException"/> with that exception inside.
/// </summary>
public sealed unsafe class WasmtimeLinker : IWitLinker
{
    private readonly Engine _engine;
    private readonly Component _component;
    private readonly List<(string? Instance, string Name, WitHostFunction? Implementation)> _items = new();
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
        _items.Add((instance, function, implementation));
    }

    /// <inheritdoc />
    public void DefineResource(string? instance, string resource)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(resource);
        _items.Add((instance, resource, null));
    }

    /// <inheritdoc />
    public IWitInstance Instantiate()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        nint engine = HandleOf(_engine);
        nint store = wasmtime_store_new(engine, 0, 0);
        nint context = wasmtime_store_context(store);
        nint linker = wasmtime_component_linker_new(engine);
        var state = new InstanceState(context, new HostResources());
        var handles = new List<GCHandle>();
        try
        {
            // The root instance must be deleted before instantiation.
            nint root = wasmtime_component_linker_root(linker);
            try
            {
                foreach (var group in _items.GroupBy(f => f.Instance))
                {
                    if (group.Key is null)
                    {
                        Define(root, null, group, state, handles);
                        continue;
                    }

                    nint instance = WithUtf8(group.Key, (name, length) =>
                    {
                        nint added;
                        Check(wasmtime_component_linker_instance_add_instance(root, (byte*)name, length, &added));
                        return added;
                    });
                    try
                    {
                        Define(instance, group.Key, group, state, handles);
                    }
                    finally
                    {
                        wasmtime_component_linker_instance_delete(instance);
                    }
                }
            }
            finally
            {
                wasmtime_component_linker_instance_delete(root);
            }

            Native.Instance instantiated;
            nint error = wasmtime_component_linker_instantiate(linker, context, HandleOf(_component), &instantiated);
            if (error != 0) throw new WasmtimeException(Message(error));
            return new WasmtimeInstance(store, linker, instantiated, state, handles);
        }
        catch
        {
            wasmtime_component_linker_delete(linker);
            wasmtime_store_delete(store);
            foreach (var handle in handles) handle.Free();
            throw;
        }
    }

    private static void Define(nint instance, string? instanceName, IEnumerable<(string? Instance, string Name, WitHostFunction? Implementation)> items, InstanceState state, List<GCHandle> handles)
    {
        foreach (var item in items)
        {
            string qualified = instanceName is null ? item.Name : $"{instanceName}#{item.Name}";
            if (item.Implementation is null)
            {
                uint type = state.Resources.Define(qualified);
                var resourceHandle = GCHandle.Alloc(new ResourceEntry(state, type));
                handles.Add(resourceHandle);
                nint resourceType = wasmtime_component_resource_type_new_host(type);
                try
                {
                    WithUtf8(item.Name, (name, length) =>
                    {
                        Check(wasmtime_component_linker_instance_add_resource(instance, (byte*)name, length, resourceType, &Drop, GCHandle.ToIntPtr(resourceHandle), null));
                        return 0;
                    });
                }
                finally
                {
                    wasmtime_component_resource_type_delete(resourceType);
                }

                continue;
            }

            var functionHandle = GCHandle.Alloc(new FunctionEntry(state, qualified, item.Implementation));
            handles.Add(functionHandle);
            WithUtf8(item.Name, (name, length) =>
            {
                Check(wasmtime_component_linker_instance_add_func(instance, (byte*)name, length, &Call, GCHandle.ToIntPtr(functionHandle), null));
                return 0;
            });
        }
    }

    [UnmanagedCallersOnly]
    private static nint Call(nint data, nint context, nint type, byte* arguments, nuint argumentCount, byte* results, nuint resultCount)
    {
        var entry = (FunctionEntry)GCHandle.FromIntPtr(data).Target!;
        try
        {
            var values = new NativeValues(context, entry.State);
            var argumentValues = new WitValue[(int)argumentCount];
            for (int i = 0; i < argumentValues.Length; i++) argumentValues[i] = values.Read(arguments + i * ValueSize);
            var result = entry.Implementation(argumentValues);
            if (resultCount > 0)
            {
                values.Write(result ?? throw new InvalidOperationException($"The host function `{entry.Name}` returned no value."), results);
            }

            return 0;
        }
        catch (Exception exception)
        {
            // Remembered so that the trap the engine reports can name the host function and carry its exception.
            entry.State.Failures.Last = (entry.Name, exception);
            return Error($"the host function `{entry.Name}` threw {exception.GetType().Name}: {exception.Message}");
        }
    }

    [UnmanagedCallersOnly]
    private static nint Drop(nint data, nint context, uint rep)
    {
        var entry = (ResourceEntry)GCHandle.FromIntPtr(data).Target!;
        string name = entry.State.Resources.Types[(int)entry.Type];
        try
        {
            if (entry.State.Resources.Remove(rep, entry.Type) is IDisposable disposable) disposable.Dispose();
            return 0;
        }
        catch (Exception exception)
        {
            entry.State.Failures.Last = ($"{name}.drop", exception);
            return Error($"disposing a `{name}` threw {exception.GetType().Name}: {exception.Message}");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _disposed = true;

    private sealed record FunctionEntry(InstanceState State, string Name, WitHostFunction Implementation);

    private sealed record ResourceEntry(InstanceState State, uint Type);
}

/// <summary>
/// What an instance's host functions, resource destructors and component resource handles share: its store context,
/// host objects, the component's resource types met so far, whether it is disposed, and the last failure.
/// </summary>
internal sealed unsafe class InstanceState
{
    private readonly List<nint> _componentTypes = new();

    public InstanceState(nint context, HostResources resources)
    {
        Context = context;
        Resources = resources;
    }

    public nint Context { get; }

    public HostResources Resources { get; }

    public HostFailures Failures { get; } = new();

    /// <summary>The instance, once there is one (a component resource handle belongs to it).</summary>
    public IWitInstance? Owner { get; set; }

    /// <summary>Set when the instance (and its store) is disposed: a component resource handle then has nothing to drop.</summary>
    public bool Disposed { get; set; }

    /// <summary>
    /// The name of the type of <paramref name="any"/>, a component's resource: the C API tells types apart but not their
    /// WIT names, so they are numbered as this instance meets them (<c>resource 0</c>, <c>resource 1</c>, ...).
    /// </summary>
    public string ComponentResourceName(nint any)
    {
        nint type = Native.wasmtime_component_resource_any_type(any);
        for (int i = 0; i < _componentTypes.Count; i++)
        {
            if (Native.wasmtime_component_resource_type_equal(_componentTypes[i], type))
            {
                Native.wasmtime_component_resource_type_delete(type);
                return $"resource {i}";
            }
        }

        _componentTypes.Add(type);
        return $"resource {_componentTypes.Count - 1}";
    }

    /// <summary>Frees the resource types kept for naming.</summary>
    public void Dispose()
    {
        Disposed = true;
        foreach (nint type in _componentTypes) Native.wasmtime_component_resource_type_delete(type);
        _componentTypes.Clear();
    }
}
