using System;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Linq;

namespace Wit.Benchmarks;

internal sealed class AllocListener : EventListener
{
    public readonly ConcurrentDictionary<string, long> Bytes = new();
    public bool On;
    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!On || e.EventName != "GCAllocationTick_V4") return;
        string type = (string)e.Payload![e.PayloadNames!.IndexOf("TypeName")]!;
        long amount = Convert.ToInt64(e.Payload![e.PayloadNames!.IndexOf("AllocationAmount64")]);
        Bytes.AddOrUpdate(type, amount, (_, v) => v + amount);
    }

    public string Report() => string.Join("\n", Bytes.OrderByDescending(kv => kv.Value).Take(40).Select(kv => $"{kv.Value / 1024,10} KB  {kv.Key}"));
}
