namespace Wit.Protocol;

/// <summary>How a handler's messages are scheduled relative to the messages around them.</summary>
public enum RequestOrdering
{
    /// <summary>
    /// Waits until every earlier message has been handled, then runs alone; later messages wait for it. For messages
    /// that change state: document changes, <c>initialize</c>, <c>shutdown</c>, <c>exit</c>.
    /// </summary>
    Exclusive,

    /// <summary>
    /// Runs on the thread pool concurrently with other parallel messages, once every earlier exclusive message has
    /// finished. For queries such as hover or completion.
    /// </summary>
    Parallel,

    /// <summary>
    /// Handled by the reader as soon as it arrives, ahead of every queued message, for a notification that must work
    /// however busy the queue is: <c>exit</c>. Its handler must be short and must not wait for the queue.
    /// </summary>
    Immediate,
}
