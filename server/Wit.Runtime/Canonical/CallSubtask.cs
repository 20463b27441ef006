using System.Collections.Generic;

namespace Wit.Runtime.Canonical;

/// <summary>
/// A call out of an instance (the spec's <c>Subtask</c>, synchronous): the caller's handles lifted as borrows are lent
/// to it, so the caller cannot drop or move them until <see cref="Resolve"/> ends the call.
/// </summary>
public sealed class CallSubtask
{
    private List<ResourceHandle>? _lenders = new();

    internal void AddLender(ResourceHandle handle)
    {
        if (_lenders is null) throw new WasmException(WasmErrorKind.Usage, -1, "a borrow was lifted for a call that already ended");
        handle.Lends++;
        _lenders.Add(handle);
    }

    /// <summary>The call ended: each handle lent to it is no longer lent.</summary>
    public void Resolve()
    {
        if (_lenders is null) return;
        foreach (var handle in _lenders) handle.Lends--;
        _lenders = null;
    }
}
