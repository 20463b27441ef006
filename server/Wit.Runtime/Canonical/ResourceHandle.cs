namespace Wit.Runtime.Canonical;

/// <summary>An entry of a handle table (the spec's <c>ResourceHandle</c>): owned, or borrowed for the call <see cref="BorrowScope"/>.</summary>
public sealed class ResourceHandle
{
    internal ResourceHandle(ResourceType type, uint rep, bool own, CallTask? borrowScope)
    {
        Type = type;
        Rep = rep;
        Own = own;
        BorrowScope = borrowScope;
    }

    public ResourceType Type { get; }

    public uint Rep { get; }

    public bool Own { get; }

    /// <summary>The call a borrowed handle was lent to, which must drop it before it returns.</summary>
    public CallTask? BorrowScope { get; }

    /// <summary>How many calls in progress this handle is lent to (each borrow lifted from it).</summary>
    public int Lends { get; internal set; }
}
