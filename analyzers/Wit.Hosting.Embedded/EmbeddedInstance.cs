using System;
using System.Collections.Generic;
using Wit.Runtime;
using Wit.Runtime.Component;

namespace Wit.Hosting.Embedded;

/// <summary>A component instance on the embedded engine, called through Wit.Hosting's <see cref="IWitInstance"/>.</summary>
internal sealed class EmbeddedInstance : IWitInstance
{
    private readonly ComponentInstance _instance;
    private readonly EmbeddedValues _values;
    private bool _disposed;

    public EmbeddedInstance(ComponentInstance instance, EmbeddedValues values)
    {
        _instance = instance;
        _values = values;
    }

    public WitValue? Call(string? instance, string function, IReadOnlyList<WitValue> arguments)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(arguments);
        string name = instance is null ? function : $"{instance}#{function}";
        ComponentFunction exported;
        try
        {
            exported = _instance.GetFunction(name);
        }
        catch (WasmException e)
        {
            throw new ArgumentException(e.Message, nameof(function), e);
        }

        var type = exported.Type;
        if (arguments.Count != type.Params.Count) throw new ArgumentException($"`{name}` takes {type.Params.Count} arguments, not {arguments.Count}.", nameof(arguments));
        try
        {
            var values = new Wit.Runtime.Canonical.ComponentValue[arguments.Count];
            for (int i = 0; i < values.Length; i++) values[i] = _values.ToComponent(arguments[i], type.Params[i].Type);
            var result = exported.Invoke(values);
            return type.Result is { } resultType && result is not null ? _values.ToWit(result, resultType) : null;
        }
        catch (WasmException e)
        {
            // A host function's own exception is the trap's cause, as the contract has it (the engine wrapped it).
            Exception cause = e;
            for (var inner = e.InnerException; inner != null; inner = inner.InnerException)
            {
                if (inner is not WasmException)
                {
                    cause = inner;
                    break;
                }
            }

            throw new WitTrapException(name, e.Reason, cause);
        }
    }

    public void Dispose() => _disposed = true;
}
