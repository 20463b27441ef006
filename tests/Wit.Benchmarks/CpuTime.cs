using System;
using System.Runtime.InteropServices;

namespace Wit.Benchmarks;

/// <summary>
/// CPU time, for benchmarks that must hold on a loaded machine (wall time there counts the time other processes had
/// the cores): the calling thread's (<c>CLOCK_THREAD_CPUTIME_ID</c>) and the reaped child processes' (<c>getrusage
/// RUSAGE_CHILDREN</c>, user + system). Linux only; elsewhere both fall back to wall time and say so.
/// </summary>
internal static class CpuTime
{
    private const int ClockThreadCpuTime = 3;
    private const int RusageChildren = -1;
    private const int RusageSelf = 0;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Rest;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRUsage(int who, out RUsage usage);

    /// <summary>Whether the times are CPU times (Linux x64/arm64); otherwise they are wall times.</summary>
    public static bool IsCpuTime { get; } = OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    /// <summary>The calling thread's CPU time so far, in milliseconds.</summary>
    public static double ThreadMilliseconds()
    {
        if (!IsCpuTime || ClockGetTime(ClockThreadCpuTime, out var t) != 0)
        {
            return Environment.TickCount64;
        }
        return t.Seconds * 1e3 + t.Nanoseconds / 1e6;
    }

    /// <summary>The CPU time of all reaped child processes so far, in milliseconds.</summary>
    public static double ChildrenMilliseconds()
    {
        if (!IsCpuTime || GetRUsage(RusageChildren, out var u) != 0)
        {
            return Environment.TickCount64;
        }
        return (u.UserSeconds + u.SystemSeconds) * 1e3 + (u.UserMicroseconds + u.SystemMicroseconds) / 1e3;
    }

    /// <summary>
    /// This process's CPU time so far, every thread's, in milliseconds to the microsecond: user and system
    /// (<c>getrusage RUSAGE_SELF</c>; <see cref="System.Diagnostics.Process.TotalProcessorTime"/> counts in 10 ms
    /// ticks). Elsewhere than Linux, the process's times from the runtime.
    /// </summary>
    public static (double User, double System) ProcessMilliseconds()
    {
        if (!IsCpuTime || GetRUsage(RusageSelf, out var u) != 0)
        {
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            return (self.UserProcessorTime.TotalMilliseconds, self.PrivilegedProcessorTime.TotalMilliseconds);
        }

        return (u.UserSeconds * 1e3 + u.UserMicroseconds / 1e3, u.SystemSeconds * 1e3 + u.SystemMicroseconds / 1e3);
    }
}
