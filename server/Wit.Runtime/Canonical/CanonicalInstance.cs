namespace Wit.Runtime.Canonical;

/// <summary>The Canonical ABI's state of one component instance: its handle table and whether it may call out.</summary>
public sealed class CanonicalInstance
{
    public HandleTable Handles { get; } = new();

    /// <summary>False while the instance runs realloc or post-return, which may not call out of it.</summary>
    public bool MayLeave { get; internal set; } = true;

    internal void CheckMayLeave()
    {
        if (!MayLeave) throw CanonicalTrapException.Of(CanonicalTrap.CannotLeave, "the instance may not leave here (it is inside realloc or post-return)");
    }
}
