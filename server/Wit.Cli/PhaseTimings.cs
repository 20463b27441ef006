using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime;
using System.Text;
using Wit.Core.Workspace;

namespace Wit.Cli;

/// <summary>
/// What <c>--timings</c> prints on standard error: the input's size, the wall time of each phase of the run (reading
/// and decoding the files, parsing, resolving, linting, writing the output; the phases a command runs), the process's CPU time (startup
/// included) and its memory. The phases are timed inside the process, so they leave out what starting it costs:
/// where the time of a large package goes, as <c>tsc --extendedDiagnostics</c> or <c>cargo --timings</c> tell it.
/// </summary>
public sealed class PhaseTimings
{
    private readonly Stopwatch _total = Stopwatch.StartNew();
    private readonly long _allocatedBefore = GC.GetTotalAllocatedBytes();
    private long _parseTicks;
    private long _readTicks;
    private long _resolveTicks;
    private long _lintTicks;
    private long _outputTicks;
    private long _phaseStart;
    private bool _resolved;
    private bool _linted;
    private long _parseAndCountAtStart;

    /// <summary>Ticks inside <see cref="Parse{T}"/>: parsing and counting the text's size, both left out of reading.</summary>
    private long _parseAndCountTicks;

    // What was parsed: files, UTF-8 bytes (UTF-16 length for text not read from UTF-8), lines (line feeds, plus one
    // for a last line without one).
    private int _files;
    private long _bytes;
    private long _lines;

    /// <summary>Parses <paramref name="text"/> with <paramref name="parse"/>, timing it and counting its size.</summary>
    public T Parse<T>(string text, Func<string, T> parse)
    {
        long start = Stopwatch.GetTimestamp();
        var result = parse(text);
        _parseTicks += Stopwatch.GetTimestamp() - start;
        _files++;
        _bytes += Encoding.UTF8.GetByteCount(text);
        _lines += text.AsSpan().Count('\n') + (text.Length > 0 && text[^1] != '\n' ? 1 : 0);
        _parseAndCountTicks += Stopwatch.GetTimestamp() - start;
        return result;
    }

    /// <summary>Starts a phase; the matching End… method ends it.</summary>
    public void Start()
    {
        _parseAndCountAtStart = _parseAndCountTicks;
        _phaseStart = Stopwatch.GetTimestamp();
    }

    /// <summary>Ends loading: its time less the parsing (and counting) inside it is reading.</summary>
    public void EndLoad() => _readTicks += Elapsed() - (_parseAndCountTicks - _parseAndCountAtStart);

    /// <summary>Ends reading a file that is parsed apart (<c>wit parse</c>).</summary>
    public void EndRead() => _readTicks += Elapsed();

    /// <summary>Ends resolving.</summary>
    public void EndResolve()
    {
        _resolveTicks += Elapsed();
        _resolved = true;
    }

    /// <summary>Ends linting.</summary>
    public void EndLint()
    {
        _lintTicks += Elapsed();
        _linted = true;
    }

    /// <summary>Ends writing the output.</summary>
    public void EndOutput() => _outputTicks += Elapsed();

    /// <summary>The report, one phase per line, ending with a line feed.</summary>
    public string Render()
    {
        double total = _total.Elapsed.TotalMilliseconds;
        var cpu = Environment.CpuUsage;
        var text = new StringBuilder();
        double parse = ToMilliseconds(_parseTicks);
        text.Append("timings: ").Append(Count(_files, "file")).Append(", ").Append(Count(_bytes, "byte")).Append(", ").Append(Count(_lines, "line")).Append('\n');
        Line(text, "read", ToMilliseconds(_readTicks));
        Line(text, "parse", parse, parse > 0 ? $"{Number(_bytes / 1e6 / (parse / 1000), "0.0")} MB/s" : null);
        if (_resolved) Line(text, "resolve", ToMilliseconds(_resolveTicks));
        if (_linted) Line(text, "lint", ToMilliseconds(_lintTicks));
        Line(text, "output", ToMilliseconds(_outputTicks));
        Line(text, "total", total, "since the command started");
        Line(text, "process CPU", cpu.TotalTime.TotalMilliseconds,
            $"user {Number(cpu.UserTime.TotalMilliseconds, "0.0")} ms, system {Number(cpu.PrivilegedTime.TotalMilliseconds, "0.0")} ms, startup included");
        text.Append("  memory: peak resident ").Append(Megabytes(PeakResidentBytes())).Append(" MB, allocated ")
            .Append(Megabytes(GC.GetTotalAllocatedBytes() - _allocatedBefore - HeapPrefault.PlaceholderBytes)).Append(" MB, collections ")
            .Append(GC.CollectionCount(0)).Append('/').Append(GC.CollectionCount(1)).Append('/').Append(GC.CollectionCount(2))
            .Append(" (pause ").Append(Number(GC.GetTotalPauseDuration().TotalMilliseconds, "0.0")).Append(" ms)")
            .Append(GCSettings.LatencyMode == GCLatencyMode.NoGCRegion ? ", in a no-GC region" : string.Empty)
            .Append(HugePagesRemark()).Append(PrefaultRemark()).Append('\n');
        return text.ToString();
    }

    private long Elapsed() => Stopwatch.GetTimestamp() - _phaseStart;

    private static double ToMilliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static void Line(StringBuilder text, string phase, double milliseconds, string? remark = null)
    {
        text.Append("  ").Append(phase.PadRight(12)).Append(Number(milliseconds, "0.0").PadLeft(10)).Append(" ms");
        if (remark is not null) text.Append("   ").Append(remark);
        text.Append('\n');
    }

    /// <summary>How much of the no-GC region a second thread faulted in ahead of the run (<see cref="HeapPrefault"/>), when it did.</summary>
    private static string PrefaultRemark() => HeapPrefault.PlannedBytes == 0
        ? string.Empty
        : $", {Megabytes(HeapPrefault.PopulatedBytes)} of {Megabytes(HeapPrefault.PlannedBytes)} MB faulted in ahead";

    /// <summary>
    /// Whether the heap was advised onto huge pages (<see cref="HugePages"/>), and how much of the process's memory the
    /// kernel gave it as huge pages by now (<c>AnonHugePages</c> of <c>/proc/self/smaps_rollup</c>): advice is a request.
    /// </summary>
    private static string HugePagesRemark()
    {
        string state = HugePages.State switch
        {
            HugePages.Outcome.Advised => "huge pages advised",
            HugePages.Outcome.AlreadyOn => "huge pages on for every program",
            HugePages.Outcome.TurnedOff => $"huge pages off ({HugePages.Setting}=0)",
            HugePages.Outcome.Unavailable => "huge pages unavailable",
            _ => string.Empty,
        };
        if (state.Length == 0) return string.Empty;
        if (HugePages.State is not (HugePages.Outcome.Advised or HugePages.Outcome.AlreadyOn)) return ", " + state;
        long? huge = null;
        try
        {
            foreach (string line in File.ReadLines("/proc/self/smaps_rollup"))
            {
                if (!line.StartsWith("AnonHugePages:", StringComparison.Ordinal)) continue;
                if (long.TryParse(line.Substring("AnonHugePages:".Length).Trim().Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out long kilobytes)) huge = kilobytes * 1024;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or no rollup: the state alone.
        }

        return huge is { } bytes ? $", {state} ({Megabytes(bytes)} MB given)" : ", " + state;
    }

    private static long PeakResidentBytes()
    {
        try
        {
            using var process = Process.GetCurrentProcess();
            return process.PeakWorkingSet64;
        }
        catch (Exception e) when (e is InvalidOperationException or PlatformNotSupportedException or NotSupportedException)
        {
            return Environment.WorkingSet;
        }
    }

    private static string Megabytes(long bytes) => Number(bytes / 1e6, "0.0");

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Count(long count, string noun) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");
}
