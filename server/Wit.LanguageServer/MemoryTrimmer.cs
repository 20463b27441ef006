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
/// The same happens once the server goes idle after a burst of work (<see cref="WatchForIdleAsync"/>): a burst of
/// requests leaves the heap it grew to resident, though little of it is still in use.
/// </summary>
internal sealed class MemoryTrimmer
{
    /// <summary>The text length (UTF-16 code units) from which closing or replacing a document trims memory.</summary>
    public const int LargeDocumentLength = 256 * 1024;

    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(300);

    private int _scheduled;

    /// <summary>
    /// Whether work is under way (a request, a diagnostics pass): trims wait for it, since a long computation
    /// allocates little and a full collection then would hold it up, and a cancel behind it.
    /// </summary>
    public Func<bool> Busy { get; set; } = () => false;

    /// <summary>Where a trim is reported (the server's log, standard error).</summary>
    public Action<string>? Log { get; set; }
    private int _trims;

    /// <summary>How many trims ran (for tests).</summary>
    public int Trims => Volatile.Read(ref _trims);

    /// <summary>How often <see cref="WatchForIdleAsync"/> looks at what the server allocated while it is quiet.</summary>
    private static readonly TimeSpan QuietCheck = TimeSpan.FromSeconds(1);

    /// <summary>How often it looks while a burst is under way (so memory goes back soon after the burst ends).</summary>
    private static readonly TimeSpan BusyCheck = TimeSpan.FromMilliseconds(250);

    /// <summary>Bytes allocated between two checks below which the server counts as idle.</summary>
    private const long IdleAllocation = 128 * 1024;

    /// <summary>Bytes allocated since the last trim from which going idle trims.</summary>
    private const long BurstAllocation = 4 * 1024 * 1024;

    private int _idleTrims;

    /// <summary>How many trims ran because the server went idle after a burst (for tests).</summary>
    public int IdleTrims => Volatile.Read(ref _idleTrims);

    /// <summary>
    /// Until <paramref name="stop"/>: trims once the server goes idle (nothing <see cref="Busy"/> and it allocated less than
    /// <see cref="IdleAllocation"/> since the last check) after a burst that left something to give back (see
    /// <see cref="BurstDetector"/>). A quiet server is looked at once a second, and nothing more.
    /// </summary>
    public async Task WatchForIdleAsync(CancellationToken stop)
    {
        var bursts = new BurstDetector(GC.GetTotalAllocatedBytes(), Resident());
        try
        {
            while (true)
            {
                await Task.Delay(bursts.InBurst ? BusyCheck : QuietCheck, stop).ConfigureAwait(false);
                bool idle = bursts.IdleAfterBurst(GC.GetTotalAllocatedBytes(), Resident());
                if (!idle || Busy()) continue;
                long before = Resident();
                Collect();
                Log?.Invoke($"Memory: resident {before / 1024} KB before, {Resident() / 1024} KB after a collection following a burst of work ({HeapSummary()}).");
                Interlocked.Increment(ref _idleTrims);
                bursts.Trimmed(GC.GetTotalAllocatedBytes(), Resident());
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// The process's resident memory (what the system and the user see). The heap's committed size is no signal: it
    /// is as of the last collection, and a short burst may allocate megabytes without one.
    /// </summary>
    private static long Resident() => Environment.WorkingSet;

    /// <summary>
    /// Tells from the bytes allocated so far and the resident memory, read at each check, when a burst of work ended
    /// and left something to give back: either much allocation (<see cref="BurstAllocation"/>) or a process that grew
    /// since the last trim (<see cref="ResidentGrowth"/>): a short burst (a hundred small edits, a cancelled request)
    /// allocates little but can leave the process megabytes larger, which a quiet server otherwise keeps.
    /// </summary>
    internal sealed class BurstDetector
    {
        /// <summary>Checks in a row that must find the server quiet: a pause between two requests is not the end of a burst.</summary>
        private const int QuietChecks = 2;

        /// <summary>Growth of the resident memory since the last trim that is worth a trim: a megabyte, or a tenth when larger.</summary>
        internal static long ResidentGrowth(long afterTrim) => Math.Max(1024 * 1024, afterTrim / 10);

        private long _last;
        private long _sinceTrim;
        private long _residentAfterTrim;
        private int _quietChecks;

        public BurstDetector(long allocated, long resident)
        {
            _last = allocated;
            _residentAfterTrim = resident;
        }

        /// <summary>Whether work is under way (the last check saw allocation) or left something to trim.</summary>
        public bool InBurst { get; private set; }

        /// <summary>Whether the server went idle (this check) after a burst (since the last trim) that left something to give back.</summary>
        public bool IdleAfterBurst(long allocated, long resident)
        {
            long recent = allocated - _last;
            _last = allocated;
            _sinceTrim += recent;
            _quietChecks = recent < IdleAllocation ? _quietChecks + 1 : 0;
            bool left = _sinceTrim >= BurstAllocation || (_sinceTrim > 0 && resident - _residentAfterTrim >= ResidentGrowth(_residentAfterTrim));
            InBurst = recent >= IdleAllocation || left;
            return _quietChecks >= QuietChecks && left;
        }

        /// <summary>A trim ran; <paramref name="allocated"/> and <paramref name="resident"/> are the counts after it.</summary>
        public void Trimmed(long allocated, long resident)
        {
            _last = allocated;
            _sinceTrim = 0;
            _residentAfterTrim = resident;
            _quietChecks = 0;
            InBurst = false;
        }
    }

    /// <summary>Schedules one trim (a request while one is pending joins it).</summary>
    public void Request()
    {
        if (Interlocked.Exchange(ref _scheduled, 1) == 1) return;
        _ = Task.Run(async () =>
        {
            await Task.Delay(Delay).ConfigureAwait(false);
            while (Busy()) await Task.Delay(Delay).ConfigureAwait(false);
            Volatile.Write(ref _scheduled, 0);
            long before = Resident();
            Collect();
            Interlocked.Increment(ref _trims);
            Log?.Invoke($"Memory: resident {before / 1024} KB before, {Resident() / 1024} KB after a collection following a large document's close or replacement ({HeapSummary()}).");
        });
    }

    /// <summary>The heap after the last collection: live bytes, fragmentation and committed bytes, per generation.</summary>
    internal static string HeapSummary()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var generations = info.GenerationInfo;
        var parts = new string[generations.Length];
        for (int i = 0; i < generations.Length; i++)
        {
            parts[i] = $"{(i < 3 ? "gen" + i : i == 3 ? "loh" : "poh")} {generations[i].SizeAfterBytes / 1024} KB";
        }

        return $"heap {info.HeapSizeBytes / 1024} KB live, {info.FragmentedBytes / 1024} KB fragmented, {info.TotalCommittedBytes / 1024} KB committed; {string.Join(", ", parts)}";
    }

    /// <summary>One aggressive, compacting collection: the heap gives its free space back to the system.</summary>
    private static void Collect()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
