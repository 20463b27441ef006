using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Wit.Fuzz;

/// <summary>
/// The CPU time of the calling thread, so that a stage's cost is its own work and not the machine's load: on a loaded
/// machine wall-clock time grows with every other process, CPU time does not. Linux only (<c>clock_gettime</c> with
/// <c>CLOCK_THREAD_CPUTIME_ID</c>); elsewhere it falls back to wall-clock time and says so.
/// </summary>
internal static class ThreadClock
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>Whether <see cref="Milliseconds"/> measures the thread's CPU time (true) or wall-clock time.</summary>
    public static bool IsCpuTime { get; } = OperatingSystem.IsLinux() && Environment.Is64BitProcess && Probe();

    private static readonly Stopwatch Wall = Stopwatch.StartNew();

    /// <summary>The calling thread's CPU time in milliseconds (or wall-clock time where that is not available).</summary>
    public static double Milliseconds()
    {
        if (!IsCpuTime) return Wall.Elapsed.TotalMilliseconds;
        ClockGetTime(ClockThreadCpuTimeId, out TimeSpec time);
        return time.Seconds * 1000.0 + time.Nanoseconds / 1_000_000.0;
    }

    private static bool Probe()
    {
        try
        {
            return ClockGetTime(ClockThreadCpuTimeId, out _) == 0;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
