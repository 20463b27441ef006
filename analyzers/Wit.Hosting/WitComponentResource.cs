using System;

namespace Wit.Hosting;

/// <summary>
/// A handle of a resource the component implements (a resource type its world exports), as an engine gives it to the
/// host: an <c>own</c> the host holds. <see cref="Dispose"/> drops it (the component's destructor runs). Passing it to
/// the component as an <c>own</c> (<see cref="WitValue.Own(WitComponentResource)"/>) moves it there: the handle is spent
/// and disposing it does nothing; lending it (<see cref="WitValue.Borrow(WitComponentResource)"/>) keeps it the host's.
/// Using a spent or dropped handle throws <see cref="ObjectDisposedException"/>.
/// </summary>
public abstract class WitComponentResource : IDisposable
{
    /// <param name="instance">The instance whose resource it is (its methods are called there).</param>
    /// <param name="resource">The engine's name of the resource type (an engine that cannot tell the WIT name numbers them).</param>
    protected WitComponentResource(IWitInstance instance, string resource)
    {
        Instance = instance ?? throw new ArgumentNullException(nameof(instance));
        Resource = resource ?? throw new ArgumentNullException(nameof(resource));
    }

    /// <summary>The instance whose resource this is.</summary>
    public IWitInstance Instance { get; }

    /// <summary>The engine's name of the resource type.</summary>
    public string Resource { get; }

    /// <summary>Whether the handle was dropped or moved into the component.</summary>
    public bool IsDisposed { get; private set; }

    /// <summary>Drops the resource (once): the component's destructor runs; a trap throws <see cref="WitTrapException"/>.</summary>
    public void Dispose()
    {
        if (IsDisposed) return;
        IsDisposed = true;
        Drop();
        GC.SuppressFinalize(this);
    }

    /// <summary>Throws <see cref="ObjectDisposedException"/> when the handle was dropped or moved.</summary>
    protected void ThrowIfDisposed()
    {
        if (IsDisposed) throw new ObjectDisposedException(GetType().Name, $"This handle of `{Resource}` was dropped or moved into the component.");
    }

    /// <summary>Marks the handle spent without dropping the resource: its ownership moved into the component.</summary>
    protected void MarkMoved()
    {
        ThrowIfDisposed();
        IsDisposed = true;
        GC.SuppressFinalize(this);
    }

    /// <summary>Drops the resource in the engine and frees what the handle holds.</summary>
    protected abstract void Drop();
}
