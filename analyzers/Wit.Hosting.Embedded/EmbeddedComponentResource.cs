using Wit.Runtime;
using Wit.Runtime.Canonical;

namespace Wit.Hosting.Embedded;

/// <summary>
/// A handle of a component's resource the host holds on the embedded engine: the resource's rep and its run-time type.
/// Dropping it runs the component's destructor with the rep; an <c>own</c> passed back moves it into the component.
/// </summary>
internal sealed class EmbeddedComponentResource : WitComponentResource
{
    public EmbeddedComponentResource(IWitInstance instance, string resource, ResourceType type, uint rep)
        : base(instance, resource)
    {
        Type = type;
        Rep = rep;
    }

    public ResourceType Type { get; }

    public uint Rep { get; }

    /// <summary>The rep for a call: an <c>own</c> spends the handle (its ownership moves into the component).</summary>
    public uint Lower(bool own)
    {
        ThrowIfDisposed();
        if (own) MarkMoved();
        return Rep;
    }

    protected override void Drop()
    {
        try
        {
            Type.Destructor?.Invoke(Rep);
        }
        catch (WasmException e)
        {
            throw new WitTrapException($"[resource-drop]{Resource}", e.Reason, e);
        }
    }
}
