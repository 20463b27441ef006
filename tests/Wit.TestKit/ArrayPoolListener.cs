using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Wit.TestKit;

/// <summary>
/// Sizes of the arrays any <c>ArrayPool</c> lends while it listens (the pools' event source reports each), in this
/// whole process: a test that uses it must not run beside tests that rent large arrays (put it in a collection that
/// disables parallelization).
/// </summary>
public sealed class ArrayPoolListener : EventListener
{
    public ConcurrentBag<int> Rented { get; } = new();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "System.Buffers.ArrayPoolEventSource") EnableEvents(eventSource, EventLevel.Verbose);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName == "BufferRented" && eventData.PayloadNames is { } names && eventData.Payload is { } payload)
        {
            int index = names.IndexOf("bufferSize");
            if (index >= 0 && payload[index] is int size) Rented.Add(size);
        }
    }
}
