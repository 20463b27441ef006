namespace Wit.Runtime.Canonical;

/// <summary>The canonical built-ins on resources: <c>resource.new</c>, <c>resource.drop</c> and <c>resource.rep</c>.</summary>
public static class ResourceBuiltins
{
    /// <summary><c>resource.new</c>: a new owned handle of <paramref name="type"/> for <paramref name="rep"/>; its index.</summary>
    public static uint New(CanonicalInstance instance, ResourceType type, uint rep)
    {
        instance.CheckMayLeave();
        return (uint)instance.Handles.Add(new ResourceHandle(type, rep, own: true, borrowScope: null));
    }

    /// <summary>
    /// <c>resource.drop</c>: removes handle <paramref name="index"/>. A lent handle traps; an owned one runs the
    /// resource's destructor with its rep; a borrowed one ends its borrow (its call may then return).
    /// </summary>
    public static void Drop(CanonicalInstance instance, ResourceType type, uint index)
    {
        instance.CheckMayLeave();
        var handle = instance.Handles.Remove(index);
        if (!ReferenceEquals(handle.Type, type)) throw CanonicalTrapException.Of(CanonicalTrap.ResourceTypeMismatch, $"handle {index} is a `{handle.Type}`, not a `{type}`");
        if (handle.Lends != 0) throw CanonicalTrapException.Of(CanonicalTrap.HandleLent, $"handle {index} is lent to {handle.Lends} call(s) and cannot be dropped");
        if (handle.Own)
        {
            type.Destructor?.Invoke(handle.Rep);
            return;
        }

        handle.BorrowScope!.Borrows--;
    }

    /// <summary><c>resource.rep</c>: the rep behind handle <paramref name="index"/>.</summary>
    public static uint Rep(CanonicalInstance instance, ResourceType type, uint index)
    {
        var handle = instance.Handles.Get(index);
        if (!ReferenceEquals(handle.Type, type)) throw CanonicalTrapException.Of(CanonicalTrap.ResourceTypeMismatch, $"handle {index} is a `{handle.Type}`, not a `{type}`");
        return handle.Rep;
    }
}
