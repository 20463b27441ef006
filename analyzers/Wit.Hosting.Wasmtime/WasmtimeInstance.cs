using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using static Wit.Hosting.Wasmtime.Native;

namespace Wit.Hosting.Wasmtime;

/// <summary>An instantiated component on Wasmtime, called through Wit.Hosting's <see cref="IWitInstance"/>.</summary>
internal sealed unsafe class WasmtimeInstance : IWitInstance
{
    private readonly nint _store;
    private readonly nint _linker;
    private readonly Native.Instance _instance;
    private readonly InstanceState _state;
    private readonly List<GCHandle> _handles;

    // Looked up once per export: the lookup costs about as much as a call of a small function.
    private readonly Dictionary<(string? Instance, string Function), (FuncHandle Function, int Parameters, bool HasResult)> _exports = new();
    private bool _disposed;

    public WasmtimeInstance(nint store, nint linker, Native.Instance instance, InstanceState state, List<GCHandle> handles)
    {
        _store = store;
        _linker = linker;
        _instance = instance;
        _state = state;
        _state.Owner = this;
        _handles = handles;
    }

    public WitValue? Call(string? instance, string function, IReadOnlyList<WitValue> arguments)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(arguments);
        string name = instance is null ? function : $"{instance}#{function}";
        var (exported, parameters, hasResult) = Export(instance, function, name);
        if (arguments.Count != parameters) throw new ArgumentException($"`{name}` takes {parameters} arguments, not {arguments.Count}.", nameof(arguments));

        var values = new NativeValues(_state.Context, _state);
        byte* argumentValues = (byte*)NativeMemory.AllocZeroed((nuint)Math.Max(1, arguments.Count * ValueSize));
        byte* result = stackalloc byte[ValueSize];
        new Span<byte>(result, ValueSize).Clear();
        int written = 0;
        nint error;
        try
        {
            for (; written < arguments.Count; written++) values.Write(arguments[written], argumentValues + written * ValueSize);
            _state.Failures.Last = null;
            error = wasmtime_component_func_call(&exported, _state.Context, argumentValues, (nuint)arguments.Count, result, hasResult ? 1u : 0u);
        }
        finally
        {
            for (int i = 0; i < written; i++) wasmtime_component_val_delete(argumentValues + i * ValueSize);
            NativeMemory.Free(argumentValues);
        }

        if (error != 0)
        {
            string reason = Message(error);
            if (_state.Failures.Last is { } failure)
            {
                _state.Failures.Last = null;
                throw new WitTrapException(name, $"the host function `{failure.Function}` threw {failure.Exception.GetType().Name}: {failure.Exception.Message}", failure.Exception);
            }

            throw new WitTrapException(name, reason);
        }

        try
        {
            return hasResult ? values.Read(result) : null;
        }
        finally
        {
            if (hasResult) wasmtime_component_val_delete(result);
            nint postReturn = wasmtime_component_func_post_return(&exported, _state.Context);
            if (postReturn != 0) throw new WitTrapException(name, Message(postReturn));
        }
    }

    private (FuncHandle Function, int Parameters, bool HasResult) Export(string? instance, string function, string name)
    {
        if (_exports.TryGetValue((instance, function), out var known)) return known;
        var self = _instance;
        nint parent = 0;
        if (instance is not null)
        {
            byte[] instanceName = Utf8(instance);
            fixed (byte* text = instanceName) parent = wasmtime_component_instance_get_export_index(&self, _state.Context, 0, text, (nuint)instanceName.Length);
            if (parent == 0) throw new ArgumentException($"The component exports no instance `{instance}`.", nameof(instance));
        }

        try
        {
            byte[] functionName = Utf8(function);
            nint index;
            fixed (byte* text = functionName) index = wasmtime_component_instance_get_export_index(&self, _state.Context, parent, text, (nuint)functionName.Length);
            if (index == 0) throw new ArgumentException($"The component exports no function `{name}`.", nameof(function));
            try
            {
                FuncHandle exported;
                if (!wasmtime_component_instance_get_func(&self, _state.Context, index, &exported)) throw new ArgumentException($"The component's export `{name}` is not a function.", nameof(function));
                nint type = wasmtime_component_func_type(&exported, _state.Context);
                byte* resultType = stackalloc byte[32];
                int parameters = (int)wasmtime_component_func_type_param_count(type);
                bool hasResult = wasmtime_component_func_type_result(type, resultType);
                if (hasResult) wasmtime_component_valtype_delete(resultType);
                wasmtime_component_func_type_delete(type);
                return _exports[(instance, function)] = (exported, parameters, hasResult);
            }
            finally
            {
                wasmtime_component_export_index_delete(index);
            }
        }
        finally
        {
            if (parent != 0) wasmtime_component_export_index_delete(parent);
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _state.Dispose();
        wasmtime_component_linker_delete(_linker);
        wasmtime_store_delete(_store);
        foreach (var handle in _handles) handle.Free();
    }
}
