using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Wit.Benchmarks;

/// <summary>
/// A small Stopwatch harness: warm up, then time a number of samples and take the median. Operations that take
/// microseconds are repeated within a sample so that each sample lasts at least a couple of milliseconds. Each
/// sample starts after a full collection, so garbage from one sample is not collected during the next.
/// </summary>
internal static class Measure
{
    private const double MinimumSampleMilliseconds = 2.0;

    /// <summary>The median time of one call of <paramref name="action"/>, with the GC pause of that sample.</summary>
    public static Timing Median(Action action, int samples = 21, int warmups = 5)
    {
        for (int i = 0; i < warmups; i++) action();
        int repetitions = Repetitions(action);
        var times = new List<Timing>(samples);
        for (int sample = 0; sample < samples; sample++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var pauseBefore = GC.GetTotalPauseDuration();
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            for (int r = 0; r < repetitions; r++) action();
            double elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            double pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            times.Add(new Timing(elapsed / repetitions, pause / repetitions, (double)allocated / repetitions));
        }

        times.Sort((a, b) => a.Milliseconds.CompareTo(b.Milliseconds));
        return times[times.Count / 2];
    }

    private static int Repetitions(Action action)
    {
        long start = Stopwatch.GetTimestamp();
        action();
        double once = Math.Max(Stopwatch.GetElapsedTime(start).TotalMilliseconds, 0.0001);
        return Math.Max(1, (int)Math.Ceiling(MinimumSampleMilliseconds / once));
    }
}
