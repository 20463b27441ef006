namespace Wit.Runtime.Component;

/// <summary>
/// The Canonical ABI's measured cost of one component function's calls (a live fact of <c>wit inspect</c>): how often
/// it was called, how often <c>cabi_realloc</c> ran for its arguments and results on either side, the bytes those calls
/// asked for, and the bytes the lifts and lowers copied between memory and values (strings and lists).
/// </summary>
public sealed class CallCost
{
    public long Calls { get; internal set; }

    public long ReallocCalls { get; internal set; }

    public long ReallocBytes { get; internal set; }

    public long BytesCopied { get; internal set; }
}
