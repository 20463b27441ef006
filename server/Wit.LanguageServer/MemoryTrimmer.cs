using System;
using System.Runtime;
using System.Threading;
using System.Threading.Tasks;

namespace Wit.LanguageServer;

/// <summary>
/// Gives memory back to the system after a large document is closed or replaced. The garbage collector frees a
/// closed document's tree and analysis on its own, but keeps the heap (and the large-object heap's fragments) it grew
/// to for them: a 20 MB document left the process at gigabytes. Shortly after such a change (once the queries and the
/// diagnostics pass that still hold the old snapshot are done), one aggressive, compacting collection returns it.
/// </summary>
internal sealed class MemoryTrimmer
{
    /// <summary>The text length (UTF-16 code units) from which closing or replacing a document trims memory.</summary>
    public const int LargeDocumentLength = 256 * 1024;

    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(300);

    private int _scheduled;
    private int _trims;

    /// <summary>How many trims ran (for tests).</summary>
    public int Trims => Volatile.Read(ref _trims);

    /// <summary>Schedules one trim (a request while one is pending joins it).</summary>
    public void Request()
    {
        if (Interlocked.Exchange(ref _scheduled, 1) == 1) return;
        _ = Task.Run(async () =>
        {
            await Task.Delay(Delay).ConfigureAwait(false);
            Volatile.Write(ref _scheduled, 0);
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            Interlocked.Increment(ref _trims);
        });
    }
}
