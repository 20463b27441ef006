using System;
using System.IO;
using System.Runtime;

namespace Wit.Core.Workspace;

/// <summary>
/// For a program that loads a workspace once, reports and exits (<c>wit check</c>): runs the load and resolve without
/// collections when the collector can set the memory aside. Nearly everything such a
/// run allocates (trees, model) lives until it ends, so a generational collection finds little garbage and copies
/// what survives, first into the middle generation, then into the oldest, and marks the whole heap again as it
/// grows. That work grows faster than the input: on the generated 1,000,000-line file (40 MB) the collector's pauses
/// were a quarter of <c>wit check</c>'s time and 24 times those of the 100,000-line file. A no-GC region of about what
/// the run allocates does none of that; what it costs is the little garbage a run makes (the source text it parsed,
/// the parser's scratch), kept until the end. Not for a long-running process such as the language server, nor for a
/// run that goes on to allocate much more than it loaded: once the region is used up, the first collection copies
/// everything made in it.
/// </summary>
public static class BatchCollection
{
    /// <summary>
    /// Bytes a load and resolve allocate per byte of UTF-8 source, with room to spare: measured on the generated
    /// files (2026-12), reading 2 (the UTF-16 string), parsing 5.4 to 5.7, resolving 6.9 to 7.4.
    /// </summary>
    public const int AllocatedPerSourceByte = 16;

    /// <summary>
    /// Bytes of large objects (85,000 bytes or more: a large file's text, the arrays behind large lists and sets) a load
    /// and resolve allocate per byte of UTF-8 source. The file's bytes and its UTF-16 text are 3; a run with errors
    /// rebuilds the text of a file it quotes (a builder and a string, 4 more). Asked for apart from the small objects'
    /// share, the large object heap's share is committed at once while it fits one of the collector's large regions
    /// (32 MB), so it comes on huge pages (<see cref="HugePages"/>) too; a larger share is committed as it fills, a 4 KB
    /// page fault at a time. Measured on the generated 100,000-line file (3.9 MB, 2026-12-07, native `wit check`): 320
    /// page faults with 5 to 7 per byte, 4,054 with 8 to 10, and as many (4,082) when the share was not given apart;
    /// parse and resolve 124 ms instead of 224. Committed memory that is never touched costs no resident memory.
    /// </summary>
    public const int LargeObjectsPerSourceByte = 7;

    /// <summary>What a run allocates besides what its sources make it (the command line, options, output).</summary>
    public const long Baseline = 4 << 20;

    /// <summary>
    /// Below this much source a run allocates little past what the youngest generation holds already, and opening a
    /// region would cost a full collection of the heap there is (a test host's, when <c>wit</c> runs in process) for
    /// nothing. Above it a region pays even for a package of WASI's size: its memory is committed at once, so it comes
    /// on huge pages (<see cref="HugePages"/>) instead of a page fault per 4 KB, and the collections under way stop
    /// (2026-12-07, native <c>wit check</c>, minimum of 15 interleaved runs: WASI 0.3 <c>http</c> with its
    /// <c>deps/</c>, 145 KB, 16.3 ms of phases to 10.7 ms; the generated 10,000-line file, 374 KB, 36.5 ms to 23.8 ms;
    /// 1,000 lines, 36 KB, unchanged; peaks unchanged). It was 1 MB before huge pages.
    /// </summary>
    public const long MinimumSourceBytes = 64 << 10;

    /// <summary>
    /// Starts a no-GC region sized for <paramref name="sourceBytes"/> of WIT and returns true, or returns false and
    /// leaves the collector as it was: for less than <see cref="MinimumSourceBytes"/>, when a region is open already,
    /// or the request is more than a quarter of the memory the process may use, or the collector refuses it. When the run allocates more than was set aside, the
    /// collector ends the region by itself and collects as usual from there on.
    /// </summary>
    public static bool TryReserve(long sourceBytes) => TryReserve(sourceBytes, sourceBytes);

    /// <summary>
    /// <see cref="TryReserve(long)"/> knowing the largest file: a run whose files are all smaller than
    /// <see cref="LargeTextFileBytes"/> makes no large object of its texts, so the large objects' 2 MB block is not
    /// made a huge page (<see cref="HugePages.CollapseAllocationPoints"/>).
    /// </summary>
    public static bool TryReserve(long sourceBytes, long largestFileBytes)
    {
        if (sourceBytes < MinimumSourceBytes || GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) return false;
        long bytes = Math.Min(sourceBytes, long.MaxValue / (4 * (AllocatedPerSourceByte + LargeObjectsPerSourceByte)));
        long small = Baseline + (bytes * AllocatedPerSourceByte);
        long large = Baseline + (bytes * LargeObjectsPerSourceByte);
#if NET
        if (small + large > GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4) return false;
#endif
        try
        {
            HeapPrefault.BeforeRegion(sourceBytes, large);
            if (!GC.TryStartNoGCRegion(small + large, large))
            {
                HeapPrefault.End();
                return false;
            }

            // The region's memory is committed: where the heap is advised, the blocks it allocates in first become huge
            // pages now; a large run's memory is faulted in from a second thread (HeapPrefault).
            HugePages.CollapseAllocationPoints(largeObjects: largestFileBytes >= LargeTextFileBytes);
            HeapPrefault.AfterRegion(sourceBytes);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            // More than the collector can set aside at once: collect as usual.
            HeapPrefault.End();
            return false;
        }
        catch (InvalidOperationException)
        {
            HeapPrefault.End();
            return false;
        }
    }

    /// <summary>
    /// Ends the region <see cref="TryReserve"/> started, if it is still open; true when it was (the run stayed within
    /// what was set aside), false when there was none or the collector had ended it.
    /// </summary>
    public static bool End()
    {
        HeapPrefault.End();
        if (GCSettings.LatencyMode != GCLatencyMode.NoGCRegion) return false;
        try
        {
            GC.EndNoGCRegion();
            return true;
        }
        catch (InvalidOperationException)
        {
            // The collector ended the region (an allocation past what was set aside): nothing is left to end.
            return false;
        }
    }

    /// <summary>
    /// A file of this many bytes or more may have a text (UTF-16, two bytes a character, at most a character a byte)
    /// of 85,000 bytes or more: a large object.
    /// </summary>
    public const long LargeTextFileBytes = 85_000 / 2;

    /// <summary>The WIT loading a path reads: its bytes in all, and the largest file's.</summary>
    public readonly record struct SourceSize(long Total, long Largest);

    /// <summary>
    /// How many bytes of WIT loading <paramref name="fullPath"/> reads at most: the file's length, or the
    /// <c>*.wit</c> files of the directory and of its <c>deps/</c> folder (at any depth); 0 when nothing can be listed.
    /// </summary>
    public static long SourceBytes(string fullPath) => Measure(fullPath).Total;

    /// <summary>The <see cref="SourceBytes"/> of <paramref name="fullPath"/> and the largest file among them.</summary>
    public static SourceSize Measure(string fullPath)
    {
        try
        {
            if (File.Exists(fullPath))
            {
                long length = new FileInfo(fullPath).Length;
                return new SourceSize(length, length);
            }

            if (!Directory.Exists(fullPath)) return default;
            var directory = new DirectoryInfo(fullPath);
            long total = 0, largest = 0;
            foreach (var file in directory.EnumerateFiles("*.wit")) Add(file.Length);
            var deps = new DirectoryInfo(Path.Combine(fullPath, "deps"));
            if (deps.Exists)
            {
#if NET
                var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MaxRecursionDepth = 8 };
                foreach (var file in deps.EnumerateFiles("*.wit", options)) Add(file.Length);
#else
                foreach (var file in deps.EnumerateFiles("*.wit", SearchOption.AllDirectories)) Add(file.Length);
#endif
            }

            return new SourceSize(total, largest);

            void Add(long length)
            {
                total += length;
                largest = Math.Max(largest, length);
            }
        }
        catch (IOException)
        {
            return default;
        }
        catch (UnauthorizedAccessException)
        {
            return default;
        }
    }
}
