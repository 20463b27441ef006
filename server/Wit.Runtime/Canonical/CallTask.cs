namespace Wit.Runtime.Canonical;

/// <summary>
/// A call into an instance (the spec's <c>Task</c>, synchronous): the borrow scope of the handles lowered into the
/// callee's table as borrows. The callee must drop each before it returns (<see cref="Return"/> traps otherwise).
/// </summary>
public sealed class CallTask
{
    /// <summary>Borrowed handles lowered into the callee that it has not dropped yet.</summary>
    public int Borrows { get; internal set; }

    public bool Returned { get; private set; }

    /// <summary>The callee returns: traps when it returned already or still holds borrowed handles.</summary>
    public void Return()
    {
        if (Returned) throw CanonicalTrapException.Of(CanonicalTrap.AlreadyReturned, "the call returned twice");
        if (Borrows > 0) throw CanonicalTrapException.Of(CanonicalTrap.BorrowsOutstanding, $"the call returns with {Borrows} borrowed handle(s) not dropped");
        Returned = true;
    }
}
