using System;
using System.IO;

namespace Wit.ProtocolFuzz;

/// <summary>
/// A process's resident memory from /proc/PID/status: the whole resident set, its anonymous part (heaps, thread
/// stacks; RssAnon), its file-backed part (the pages of the executable and other mapped files, which grow as more of
/// the code runs and which the system can drop; RssFile) and the number of threads. Zero where /proc has none.
/// </summary>
public sealed record ResidentMemory(long Total, long Anonymous, long File, int Threads)
{
    public static ResidentMemory Read(int processId)
    {
        long total = 0, anonymous = 0, file = 0;
        int threads = 0;
        try
        {
            foreach (string line in System.IO.File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) total = Kilobytes(line);
                else if (line.StartsWith("RssAnon:", StringComparison.Ordinal)) anonymous = Kilobytes(line);
                else if (line.StartsWith("RssFile:", StringComparison.Ordinal)) file = Kilobytes(line);
                else if (line.StartsWith("Threads:", StringComparison.Ordinal)) threads = (int)Number(line);
            }
        }
        catch (IOException)
        {
        }

        return new ResidentMemory(total, anonymous, file, threads);
    }

    /// <summary>Whether <paramref name="after"/> is at most 20% above <paramref name="start"/> (the bound).</summary>
    public static bool Within20Percent(long start, long after) => after <= start + start / 5;

    private static long Kilobytes(string line) => Number(line) * 1024;

    private static long Number(string line) =>
        long.Parse(line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
}
