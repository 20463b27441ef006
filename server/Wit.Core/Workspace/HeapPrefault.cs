using System;
using System.Collections.Generic;
using System.Threading;

namespace Wit.Core.Workspace;

/// <summary>
/// For a large batch run's no-GC region (<see cref="BatchCollection"/>): a second thread faults in the memory the
/// collector set aside, ahead of the run's allocations (<c>madvise(MADV_POPULATE_WRITE)</c>, Linux 5.14), so that the
/// thread doing the work finds its pages there instead of stopping at the first touch of each; and the collector's
/// first large-object region is kept for a placeholder, so that the run's large arrays go where the region's memory
/// was committed at once (and comes on huge pages, <see cref="HugePages"/>) instead of where the collector commits a
/// little at a time as it fills.
/// </summary>
/// <remarks>
/// <para>
/// A run that builds a tree and a model touches nearly every byte it allocates for the first time. The kernel's work to
/// hand it that memory is the same from either thread, and cheaper by the batch: on the virtual machine these numbers
/// come from, a 4 KB page fault costs 11 µs and populating costs under 1 µs a page; memory the host had taken back costs
/// 1.4 to 1.8 ms a megabyte to touch again. Measured there (2026-12-07, native <c>wit check</c> of the generated
/// 1,000,000-line file, 40 MB, medians of 5 interleaved rounds): 1,509 to 1,655 ms of phases without, 1,298 to 1,347
/// with the prefault and the placeholder; its system time 261 to 380 ms to 72 to 119, its page faults 4,649 to 1,457;
/// the 100,000-line file's phases 124 to 122 ms; peaks unchanged.
/// </para>
/// <para>
/// What is populated is what such a run uses: the rest of the collector region holding the next small object, then
/// <see cref="SmallObjectsPerSourceByte"/> bytes a byte of source from the start of the memory the region committed
/// for small objects (the collector hands that out from its start), and <see cref="LargeObjectsPerSourceByte"/> from
/// the start of what it committed for large ones. A run that allocates less leaves the rest resident, at most that
/// much more than it needed. Never more than the collector committed: nothing is mapped or unmapped here, and
/// populating does not change what memory holds.
/// </para>
/// <para>
/// Only for <see cref="MinimumSourceBytes"/> of source or more (a thread and two reads of the process's mappings cost
/// more than a smaller run's faults), on Linux. <c>WIT_PREFAULT=0</c> turns both off.
/// </para>
/// </remarks>
public static class HeapPrefault
{
    /// <summary>The environment variable that turns the prefault and the placeholder off when set to <c>0</c>.</summary>
    public const string Setting = "WIT_PREFAULT";

    /// <summary>The least source a run prefaults for (1 MB, about 25,000 lines).</summary>
    public const long MinimumSourceBytes = 1 << 20;

    /// <summary>
    /// Bytes of small objects a load and resolve touch per byte of UTF-8 source: measured 9.4 on the generated
    /// 1,000,000-line file (tree and model; 2026-12-07, resident set of the region's small-object memory at exit with
    /// the prefault off), and a little more so that the run's thread does not fault in its last megabytes: memory faulted
    /// in during the resolve cost that run 1.5 ms/MB when the system had to get it back from the host.
    /// </summary>
    public const double SmallObjectsPerSourceByte = 9.5;

    /// <summary>
    /// Bytes of large objects per byte of source: the UTF-16 text (2) and the arrays behind large lists and tables
    /// (measured 4.5 in all on the 1,000,000-line file, the same way).
    /// </summary>
    public const double LargeObjectsPerSourceByte = 4.6;

    /// <summary>The collector's region for small objects (its default; the one the next small object is in is populated to its end).</summary>
    internal const ulong SmallRegionBytes = 4UL << 20;

    /// <summary>The collector's region for large objects (its default: eight small ones).</summary>
    internal const long LargeRegionBytes = 32L << 20;

    /// <summary>
    /// The placeholder's size: the first large-object region less what the runtime's start put there (a few hundred
    /// KB). Should the region have less room left, the placeholder takes a region of its own, never touched.
    /// </summary>
    internal const int PlaceholderSize = 31 << 20;

    /// <summary>Pieces of newly committed memory smaller than this are not the region's (a thread's stack, a table).</summary>
    internal const ulong MinimumFreshBytes = 2UL << 20;

    /// <summary>madvise's MADV_POPULATE_WRITE.</summary>
    private const int PopulateWrite = 23;

#if NET
    private static List<(ulong Start, ulong End)>? s_before;
    private static byte[]? s_placeholder;
#endif

    /// <summary>
    /// The run a thread populates for: <see cref="End"/> moves it on, and a thread whose run it is no longer stops (so a
    /// thread still in a call when one region ends never goes on under the next).
    /// </summary>
    private static int s_run;
    private static long s_populated;
    private static long s_planned;

    /// <summary>Bytes the second thread has populated in this process so far.</summary>
    public static long PopulatedBytes => Interlocked.Read(ref s_populated);

    /// <summary>
    /// Bytes of the placeholder the open region holds (0 when none): allocated, counted by the collector, never
    /// touched, so not memory the run used.
    /// </summary>
    public static long PlaceholderBytes
    {
        get
        {
#if NET
            return s_placeholder?.LongLength ?? 0;
#else
            return 0;
#endif
        }
    }

    /// <summary>Bytes the last region's plan asked for (0 when it had none).</summary>
    public static long PlannedBytes => Interlocked.Read(ref s_planned);

    /// <summary>Whether a run of <paramref name="sourceBytes"/> prefaults: on Linux, from <see cref="MinimumSourceBytes"/>, unless turned off.</summary>
    public static bool AppliesTo(long sourceBytes)
    {
#if NET
        return sourceBytes >= MinimumSourceBytes && OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable(Setting) != "0";
#else
        return false;
#endif
    }

    /// <summary>
    /// Before the no-GC region opens: notes the process's committed anonymous memory, and when the region's large
    /// objects (<paramref name="largeBytes"/>) are more than the collector's first large region holds, fills that
    /// region with a placeholder that lives until <see cref="End"/> (allocated without clearing, so never touched).
    /// </summary>
    internal static void BeforeRegion(long sourceBytes, long largeBytes)
    {
#if NET
        if (!AppliesTo(sourceBytes)) return;
        s_before = HugePages.WritableAnonymousRangesOfThisProcess();
        if (s_before is not null && largeBytes > LargeRegionBytes) s_placeholder = GC.AllocateUninitializedArray<byte>(PlaceholderSize);
#endif
    }

    /// <summary>
    /// After the no-GC region opened: plans what to populate (<see cref="Plan"/>) from the memory committed since
    /// <see cref="BeforeRegion"/> and starts the thread that populates it; returns the bytes planned.
    /// </summary>
    internal static long AfterRegion(long sourceBytes)
    {
#if NET
        Interlocked.Exchange(ref s_planned, 0);
        var before = s_before;
        s_before = null;
        if (before is null || HugePages.WritableAnonymousRangesOfThisProcess() is not { } after) return 0;
        var plan = Plan(before, after, HugePages.AddressOfNewObject(), sourceBytes);
        long planned = 0;
        foreach (var (start, end) in plan) planned += (long)(end - start);
        Interlocked.Exchange(ref s_planned, planned);
        if (planned == 0) return 0;
        int run = Volatile.Read(ref s_run);
        var thread = new Thread(() => Populate(plan, run), 256 * 1024) { IsBackground = true, Name = "wit prefault" };
        thread.Start();
        return planned;
#else
        return 0;
#endif
    }

    /// <summary>Stops populating (a run that ended early needs no more) and lets the placeholder go.</summary>
    internal static void End()
    {
        Interlocked.Increment(ref s_run);
#if NET
        s_before = null;
        s_placeholder = null;
#endif
    }

    /// <summary>
    /// The ranges to populate, in order, given the writable anonymous mappings before and after the region opened, the
    /// address of a new small object, and the source's size: the rest of the small-object region holding that address;
    /// then, in the largest piece of newly committed memory (the small objects' share of the region),
    /// <see cref="SmallObjectsPerSourceByte"/> a byte less that; then from the start of the second largest piece (the
    /// large objects' share), <see cref="LargeObjectsPerSourceByte"/> a byte. Each range is whole 4 KB pages of one
    /// writable mapping; only the first, the region in use, may have been committed before the no-GC region opened.
    /// </summary>
    internal static List<(ulong Start, ulong End)> Plan(IReadOnlyList<(ulong Start, ulong End)> before, IReadOnlyList<(ulong Start, ulong End)> after, ulong smallObject, long sourceBytes)
    {
        var plan = new List<(ulong Start, ulong End)>();
        var fresh = new List<(ulong Start, ulong End)>();
        foreach (var range in after)
        {
            foreach (var piece in Subtract(range, before))
            {
                if (piece.End - piece.Start >= MinimumFreshBytes) fresh.Add(piece);
            }
        }

        if (fresh.Count == 0 || sourceBytes <= 0) return plan;

        // Largest first; of two of a size, the lower.
        fresh.Sort((a, b) => a.End - a.Start != b.End - b.Start ? (b.End - b.Start).CompareTo(a.End - a.Start) : a.Start.CompareTo(b.Start));
        ulong small = (ulong)Math.Min(SmallObjectsPerSourceByte * sourceBytes, long.MaxValue / 2);
        ulong large = (ulong)Math.Min(LargeObjectsPerSourceByte * sourceBytes, long.MaxValue / 2);

        // The region the next small object goes in, from it to the region's end, where that memory was committed.
        var inUse = new List<(ulong Start, ulong End)>(1);
        foreach (var range in after)
        {
            if (smallObject < range.Start || smallObject >= range.End) continue;
            ulong start = PageUp(smallObject), end = Math.Min(range.End, (smallObject | (SmallRegionBytes - 1)) + 1);
            if (start < end)
            {
                inUse.Add((start, end));
                plan.Add((start, end));
                small -= Math.Min(small, end - start);
            }

            break;
        }

        Add(fresh[0], small);
        if (fresh.Count > 1) Add(fresh[1], large);
        return plan;

        // The first bytes of a piece, less the region in use where it lies inside.
        void Add((ulong Start, ulong End) piece, ulong bytes)
        {
            ulong end = piece.End - piece.Start > bytes ? Math.Min(piece.End, PageUp(piece.Start + bytes)) : piece.End;
            if (end <= piece.Start) return;
            foreach (var part in Subtract((piece.Start, end), inUse)) plan.Add(part);
        }
    }

    /// <summary>The parts of <paramref name="range"/> that none of <paramref name="others"/> covers, in order.</summary>
    private static IEnumerable<(ulong Start, ulong End)> Subtract((ulong Start, ulong End) range, IReadOnlyList<(ulong Start, ulong End)> others)
    {
        ulong position = range.Start;
        while (position < range.End)
        {
            // The nearest other range that covers position, or else begins after it.
            ulong cutStart = range.End, cutEnd = range.End;
            foreach (var other in others)
            {
                if (other.End <= position || other.Start >= cutStart) continue;
                cutStart = Math.Max(other.Start, position);
                cutEnd = Math.Min(other.End, range.End);
            }

            if (cutStart > position) yield return (position, cutStart);
            position = Math.Max(cutEnd, cutStart);
        }
    }

    private static ulong PageUp(ulong address) => (address + 4095) & ~4095UL;

    /// <summary>Populates the ranges in order, 2 MB at most per call, until done, stopped, or the kernel refuses (then the rest is left to faults).</summary>
    private static void Populate(List<(ulong Start, ulong End)> plan, int run)
    {
        foreach (var (start, end) in plan)
        {
            for (ulong position = start; position < end;)
            {
                if (Volatile.Read(ref s_run) != run) return;
                ulong next = Math.Min(end, (position | (HugePages.HugePageBytes - 1)) + 1);
                if (HugePages.Madvise((IntPtr)(long)position, (UIntPtr)(next - position), PopulateWrite) != 0) return;
                Interlocked.Add(ref s_populated, (long)(next - position));
                position = next;
            }
        }
    }
}
