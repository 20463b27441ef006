using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;

namespace Wit.Core.Workspace;

/// <summary>
/// For a program that loads a large workspace once (<c>wit check</c>, <c>lint</c> and the rest): asks Linux to back the
/// collector's heap with transparent huge pages (<c>madvise(MADV_HUGEPAGE)</c> over the address range the collector
/// reserved), where the system leaves that to each program (<c>/sys/kernel/mm/transparent_hugepage/enabled</c> is
/// <c>[madvise]</c>, Debian's and many distributions' default).
/// </summary>
/// <remarks>
/// <para>
/// A run that builds a tree and a model touches every page of what it allocates for the first time, and each first
/// touch of a 4 KB page is a page fault. On the virtual machine these numbers come from a fault costs 10 to 14 µs
/// (a fifth of a 100,000-line check's time was in the fault path), and a 2 MB huge page is one fault for 512 of them.
/// Measured there (2026-12-07, native <c>wit check</c>, minimum of 7 to 15 interleaved runs): the advice alone took
/// the generated 100,000-line file from 298 ms to 174 ms of phases and 1,000,000 lines from 3.08 s to 2.02 s, with the
/// same peak resident set, and <c>wit lint</c> of the 100,000-line file to 10% less CPU; with the collapse below and
/// the large objects' own share of the region (<see cref="BatchCollection.LargeObjectsPerSourceByte"/>) the
/// 100,000-line check took 145 ms of CPU instead of 313, the 10,000-line one 27 instead of 53, WASI 0.3 <c>http</c>
/// 20 instead of 34, each peak within 2.5 MB of what it was.
/// </para>
/// <para>
/// Huge pages only come where the collector commits 2 MB or more at once: a no-GC region
/// (<see cref="BatchCollection"/>) commits all of it, the collector's own growth commits a little at a time and keeps
/// small pages, so a small run is unchanged. A touched huge page is resident as a whole, hence the peaks' growth. The
/// advice covers the anonymous mappings next to an object of the heap without a gap (the collector's reservation is
/// one mapping, split only where it committed parts of it). Not for a long-running process such as the language
/// server, whose heap is reused rather than grown. <c>WIT_HUGE_PAGES=0</c> turns it off.
/// </para>
/// </remarks>
public static class HugePages
{
    /// <summary>What <see cref="AdviseCollectorHeap"/> did.</summary>
    public enum Outcome
    {
        /// <summary>Not asked yet in this process.</summary>
        NotAsked,

        /// <summary>The collector's range is advised: the kernel backs it with huge pages where it can.</summary>
        Advised,

        /// <summary>The system gives huge pages to every program already (<c>[always]</c>): nothing to ask.</summary>
        AlreadyOn,

        /// <summary>Not Linux, transparent huge pages are off or absent, or the heap's range could not be found.</summary>
        Unavailable,

        /// <summary><c>WIT_HUGE_PAGES=0</c>.</summary>
        TurnedOff,
    }

    /// <summary>The environment variable that turns the advice off when set to <c>0</c>.</summary>
    public const string Setting = "WIT_HUGE_PAGES";

    /// <summary>madvise's MADV_HUGEPAGE.</summary>
    private const int AdviseHugePage = 14;

    private static int s_outcome;

    /// <summary>What the process's one call of <see cref="AdviseCollectorHeap"/> did, or <see cref="Outcome.NotAsked"/>.</summary>
    public static Outcome State => (Outcome)Volatile.Read(ref s_outcome);

    /// <summary>
    /// Advises the collector's heap when a run is about to load <paramref name="sourceBytes"/> of WIT, as much as makes
    /// <see cref="BatchCollection"/> open a region (<see cref="BatchCollection.MinimumSourceBytes"/>); below that a run
    /// is too small to gain and the advice would cost a read of the process's mappings for nothing.
    /// </summary>
    public static Outcome AdviseFor(long sourceBytes) => sourceBytes >= BatchCollection.MinimumSourceBytes ? AdviseCollectorHeap() : State;

    /// <summary>Advises the collector's heap once per process (later calls return the first one's outcome).</summary>
    public static Outcome AdviseCollectorHeap()
    {
        if (State != Outcome.NotAsked) return State;
        var outcome = Advise(Environment.GetEnvironmentVariable(Setting), ReadOrNull("/sys/kernel/mm/transparent_hugepage/enabled"));
        Interlocked.CompareExchange(ref s_outcome, (int)outcome, (int)Outcome.NotAsked);
        return State;
    }

    /// <summary>The advice, given the <see cref="Setting"/> and the system's mode (the sysfs file's text, or null).</summary>
    internal static Outcome Advise(string? setting, string? systemMode)
    {
        if (setting == "0") return Outcome.TurnedOff;
#if NET
        if (!OperatingSystem.IsLinux() || systemMode is null || systemMode.Contains("[never]")) return Outcome.Unavailable;
        if (systemMode.Contains("[always]")) return Outcome.AlreadyOn;
        if (HeapRangeOfThisProcess() is not { } range) return Outcome.Unavailable;
        return Madvise((IntPtr)(long)range.Start, (UIntPtr)(range.End - range.Start), AdviseHugePage) == 0 ? Outcome.Advised : Outcome.Unavailable;
#else
        return Outcome.Unavailable;
#endif
    }

#if NET
    /// <summary>
    /// The run of anonymous private mappings without a gap around <paramref name="address"/> in a
    /// <c>/proc/self/maps</c> text, or null when no such mapping holds it. Read as bytes, without a string per line or
    /// field: the process's first allocations are a page fault per 4 KB.
    /// </summary>
    internal static (ulong Start, ulong End)? HeapRange(ReadOnlySpan<byte> maps, ulong address)
    {
        // Each line: "start-end perms offset dev inode [path]"; an anonymous mapping has inode 0 and no path, or a name
        // given to anonymous memory ("[anon:name]"); "[heap]" and "[stack]" are not the collector's.
        ulong runStart = 0, runEnd = 0;
        bool inRun = false, found = false;
        while (!maps.IsEmpty)
        {
            var line = NextLine(ref maps);
            if (line.Trim((byte)' ').IsEmpty) continue;
            bool anonymous = AnonymousMapping(line, out ulong start, out ulong end, out _);
            if (anonymous && inRun && start == runEnd)
            {
                runEnd = end;
            }
            else
            {
                if (found) return (runStart, runEnd);
                inRun = anonymous;
                (runStart, runEnd) = (start, end);
            }

            if (anonymous && start <= address && address < end) found = true;
        }

        return found ? (runStart, runEnd) : null;
    }

    /// <summary>
    /// Whether a line of <c>/proc/self/maps</c> is a private anonymous mapping, and its range and whether it may be read
    /// and written (<c>rw-p</c>: memory the collector has committed, where a reserved part is <c>---p</c>) when it is.
    /// </summary>
    private static bool AnonymousMapping(ReadOnlySpan<byte> line, out ulong start, out ulong end, out bool writable)
    {
        start = end = 0;
        writable = false;
        int dash = line.IndexOf((byte)'-');
        if (dash <= 0 || !Hex(line.Slice(0, dash), out start)) return false;
        line = line.Slice(dash + 1);
        ReadOnlySpan<byte> range = NextField(ref line), perms = NextField(ref line);
        NextField(ref line); // offset
        NextField(ref line); // device
        ReadOnlySpan<byte> inode = NextField(ref line), path = line.Trim((byte)' ');
        writable = perms.Length == 4 && perms[0] == (byte)'r' && perms[1] == (byte)'w';
        return Hex(range, out end) && perms.Length == 4 && perms[3] == (byte)'p' && inode.SequenceEqual("0"u8)
            && (path.IsEmpty || path.StartsWith("[anon:"u8));
    }

    /// <summary>The private anonymous mappings of a <c>/proc/self/maps</c> text that may be read and written, in its order (by address).</summary>
    internal static List<(ulong Start, ulong End)> WritableAnonymousRanges(ReadOnlySpan<byte> maps)
    {
        var ranges = new List<(ulong Start, ulong End)>();
        while (!maps.IsEmpty)
        {
            if (AnonymousMapping(NextLine(ref maps), out ulong start, out ulong end, out bool writable) && writable && start < end) ranges.Add((start, end));
        }

        return ranges;
    }

    /// <summary>The next line of <paramref name="text"/> (without its line feed), which is left after it.</summary>
    private static ReadOnlySpan<byte> NextLine(ref ReadOnlySpan<byte> text)
    {
        int newline = text.IndexOf((byte)'\n');
        var line = newline < 0 ? text : text.Slice(0, newline);
        text = newline < 0 ? default : text.Slice(newline + 1);
        return line;
    }

    /// <summary>
    /// This process's writable anonymous mappings (<see cref="WritableAnonymousRanges"/>), or null when
    /// <c>/proc/self/maps</c> cannot be read.
    /// </summary>
    internal static List<(ulong Start, ulong End)>? WritableAnonymousRangesOfThisProcess() =>
        ReadSelfMaps(WritableAnonymousRanges);

    /// <summary>What <paramref name="read"/> makes of a <c>/proc/self/maps</c> text.</summary>
    private delegate T MapsReader<T>(ReadOnlySpan<byte> maps);

    /// <summary>
    /// <paramref name="read"/> of this process's <c>/proc/self/maps</c>, read through a buffer rented from the shared
    /// pool (grown for a process with more mappings than it holds), or the default when the file cannot be read.
    /// </summary>
    private static T? ReadSelfMaps<T>(MapsReader<T> read)
    {
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int length = ReadSelfMaps(ref buffer);
            return read(buffer.AsSpan(0, length));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return default;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads <c>/proc/self/maps</c> into <paramref name="buffer"/>, a larger one from the pool when it fills, and returns its length.</summary>
    private static int ReadSelfMaps(ref byte[] buffer)
    {
        using var handle = File.OpenHandle("/proc/self/maps", FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        int length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                byte[] larger = System.Buffers.ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan().CopyTo(larger);
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            int read = RandomAccess.Read(handle, buffer.AsSpan(length), length);
            if (read == 0) return length;
            length += read;
        }
    }

    /// <summary>The next space-separated field of <paramref name="line"/>, which is left after it.</summary>
    private static ReadOnlySpan<byte> NextField(ref ReadOnlySpan<byte> line)
    {
        line = line.TrimStart((byte)' ');
        int space = line.IndexOf((byte)' ');
        var field = space < 0 ? line : line.Slice(0, space);
        line = space < 0 ? default : line.Slice(space);
        return field;
    }

    private static bool Hex(ReadOnlySpan<byte> digits, out ulong value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 16) return false;
        foreach (byte digit in digits)
        {
            int nibble = digit is >= (byte)'0' and <= (byte)'9' ? digit - '0'
                : digit is >= (byte)'a' and <= (byte)'f' ? digit - 'a' + 10
                : digit is >= (byte)'A' and <= (byte)'F' ? digit - 'A' + 10 : -1;
            if (nibble < 0) return false;
            value = (value << 4) | (uint)nibble;
        }

        return true;
    }

    /// <summary>
    /// <see cref="HeapRange"/> of this process's mappings around a new object, read through a pooled buffer (it grows
    /// for a process with more mappings than it holds); null when they cannot be read.
    /// </summary>
    private static (ulong Start, ulong End)? HeapRangeOfThisProcess()
    {
        ulong address = AddressOfNewObject();
        return ReadSelfMaps(maps => HeapRange(maps, address));
    }
#endif

    /// <summary>
    /// Makes the 2 MB blocks where the collector's next small and large objects go huge pages now
    /// (<c>madvise(MADV_COLLAPSE)</c>, Linux 6.1), after a no-GC region committed the memory around them; returns how
    /// many the kernel collapsed (0 where the heap is not advised or the kernel cannot).
    /// </summary>
    /// <remarks>
    /// Advice applies to pages touched after it: the block the collector was allocating in when the region opened has
    /// some 4 KB pages already, so the rest of it would come a 4 KB fault at a time, and it is where a small run does
    /// all its work. Collapsing it copies the few pages it has into a huge page. Measured (2026-12-07, native
    /// <c>wit check</c>, minimum of 11 interleaved runs): the 10,000-line file 22.6 ms of phases to 14.8 (its page
    /// faults 962 to 284), WASI 0.3 <c>http</c> 10.8 ms to 5.8; the 100,000-line file unchanged; peaks 1 to 2 MB higher.
    /// The large objects' block is collapsed only when <paramref name="largeObjects"/> says the run makes some: a
    /// collapse zeroes the whole 2 MB, which a run without large objects never uses (WASI 0.3 <c>http</c>, whose
    /// largest file is 41 KB: 13.4 to 12.7 ms elapsed, medians of 4 rounds of 25 runs, and 2 MB less resident; the
    /// generated 2,800-line file, 102 KB in one file, is 0.3 to 0.9 ms faster with it).
    /// </remarks>
    public static int CollapseAllocationPoints(bool largeObjects = true)
    {
        if (State is not (Outcome.Advised or Outcome.AlreadyOn)) return 0;
        int collapsed = Collapse(AddressOfNewObject(64)) ? 1 : 0;
        if (largeObjects && Collapse(AddressOfNewObject(LargeObjectBytes))) collapsed++;
        return collapsed;
    }

    /// <summary>An array this large goes to the large object heap (85,000 bytes or more).</summary>
    private const int LargeObjectBytes = 100_000;

    /// <summary>Asks the kernel to make the 2 MB block holding <paramref name="address"/> one huge page; true when it did.</summary>
    internal static bool Collapse(ulong address)
    {
#if NET
        if (!OperatingSystem.IsLinux()) return false;
        ulong block = address & ~(HugePageBytes - 1);
        return Madvise((IntPtr)(long)block, (UIntPtr)HugePageBytes, CollapseHugePage) == 0;
#else
        return false;
#endif
    }

    /// <summary>madvise's MADV_COLLAPSE.</summary>
    private const int CollapseHugePage = 25;

    internal const ulong HugePageBytes = 2UL << 20;

    /// <summary>
    /// The address of a new array of <paramref name="size"/> bytes: a small one is in the collector's youngest
    /// generation, a large one in its large object heap, both inside its reservation.
    /// </summary>
    internal static ulong AddressOfNewObject(int size = 64)
    {
        var handle = GCHandle.Alloc(new byte[size], GCHandleType.Pinned);
        try
        {
            return (ulong)(long)handle.AddrOfPinnedObject();
        }
        finally
        {
            handle.Free();
        }
    }

    /// <summary>A small text file's contents (a setting under /sys), or null when it cannot be read.</summary>
    private static string? ReadOrNull(string path)
    {
        try
        {
#if NET
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            Span<byte> bytes = stackalloc byte[256];
            int length = RandomAccess.Read(handle, bytes, 0);
            return System.Text.Encoding.ASCII.GetString(bytes.Slice(0, length));
#else
            return File.Exists(path) ? File.ReadAllText(path) : null;
#endif
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "madvise")]
    internal static extern int Madvise(IntPtr address, UIntPtr length, int advice);
}
