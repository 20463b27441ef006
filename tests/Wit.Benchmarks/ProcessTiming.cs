using System.Collections.Generic;
using System.Diagnostics;

namespace Wit.Benchmarks;

/// <summary>Wall-clock time of one process from start to exit, its output discarded, and its exit code.</summary>
internal static class ProcessTiming
{
    public static (double Milliseconds, int ExitCode) Run(string fileName, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        long start = Stopwatch.GetTimestamp();
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, process.ExitCode);
    }
}
