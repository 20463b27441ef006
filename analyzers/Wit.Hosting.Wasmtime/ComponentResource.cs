using static Wit.Hosting.Wasmtime.Native;

namespace Wit.Hosting.Wasmtime;

/// <summary>
/// A handle of a component's resource on Wasmtime: a <c>wasmtime_component_resource_any_t</c> of its own (a clone of
/// the one the engine read), deleted once the handle is dropped, moved or its instance is gone.
/// </summary>
internal sealed unsafe class ComponentResource : WitComponentResource
{
    private readonly InstanceState _state;
    private nint _any;

    public ComponentResource(InstanceState state, string resource, nint any)
        : base(state.Owner ?? throw new System.InvalidOperationException("The component returned a resource before it was instantiated."), resource)
    {
        _state = state;
        _any = any;
    }

    /// <summary>A new <c>resource_any</c> of this handle for a value Wasmtime will own; an <c>own</c> spends this handle.</summary>
    public nint Lower(bool own, InstanceState state)
    {
        ThrowIfDisposed();
        if (!ReferenceEquals(state, _state)) throw new System.InvalidOperationException($"This handle of `{Resource}` belongs to another instance.");
        nint copy = wasmtime_component_resource_any_clone(_any);
        if (own)
        {
            MarkMoved();
            Free();
        }

        return copy;
    }

    protected override void Drop()
    {
        try
        {
            // After the instance is disposed its store is gone: there is nothing left to drop.
            if (_state.Disposed) return;
            _state.Failures.Last = null;
            nint error = wasmtime_component_resource_any_drop(_state.Context, _any);
            if (error != 0)
            {
                string reason = Message(error);
                if (_state.Failures.Last is { } failure) throw new WitTrapException($"[resource-drop]{Resource}", reason, failure.Exception);
                throw new WitTrapException($"[resource-drop]{Resource}", reason);
            }
        }
        finally
        {
            Free();
        }
    }

    private void Free()
    {
        if (_any == 0) return;
        wasmtime_component_resource_any_delete(_any);
        _any = 0;
    }

    ~ComponentResource()
    {
        // An undisposed handle leaks its resource in the store (as Wasmtime's own API does); only the memory is freed.
        Free();
    }
}
