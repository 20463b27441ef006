using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.InteropServices;

namespace Wit.Benchmarks;

/// <summary>
/// Wall-clock time of one process from start to exit, its output discarded, and its exit code.
/// </summary>
/// <remarks>
/// On Linux the process is started as a shell or hyperfine starts one: <c>posix_spawnp</c> with standard input,
/// output and error on <c>/dev/null</c>, then <c>wait4</c>. <see cref="Process.Start()"/> with redirected streams
/// (the way elsewhere) adds pipes, two threads of this process that read them while the measured one runs on the same
/// two cores, and the wait for both pipes to close: measured against it (`process-start`, 2026-12-07, medians of 40
/// interleaved runs each), `/bin/true` took 2.74 ms instead of 2.41 and a cold native `wit check` of WASI 0.3 http
/// 14.56 ms instead of 14.07.
/// </remarks>
internal static class ProcessTiming
{
    public static (double Milliseconds, int ExitCode) Run(string fileName, IEnumerable<string> arguments)
    {
        var argv = new List<string?> { fileName };
        argv.AddRange(arguments);
        return OperatingSystem.IsLinux() && Environment.Is64BitProcess ? Spawn(argv) : RunProcess(fileName, argv.Skip(1)!);
    }

    private static (double Milliseconds, int ExitCode) Spawn(List<string?> argv)
    {
        argv.Add(null);
        var environment = new List<string?>();
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables()) environment.Add($"{variable.Key}={variable.Value}");
        environment.Add(null);

        // glibc's posix_spawn_file_actions_t is 80 bytes on 64-bit Linux; more is set aside.
        IntPtr actions = Marshal.AllocHGlobal(256);
        try
        {
            Check(FileActionsInit(actions), "posix_spawn_file_actions_init");
            Check(FileActionsAddOpen(actions, 0, "/dev/null", ReadOnly, 0), "posix_spawn_file_actions_addopen");
            Check(FileActionsAddOpen(actions, 1, "/dev/null", WriteOnly, 0), "posix_spawn_file_actions_addopen");
            Check(FileActionsAddOpen(actions, 2, "/dev/null", WriteOnly, 0), "posix_spawn_file_actions_addopen");
            long start = Stopwatch.GetTimestamp();
            Check(SpawnP(out int pid, argv[0]!, actions, IntPtr.Zero, argv.ToArray(), environment.ToArray()), "posix_spawnp " + argv[0]);
            int status;
            while (Wait4(pid, out status, 0, IntPtr.Zero) < 0)
            {
                if (Marshal.GetLastPInvokeError() != Interrupted) throw new InvalidOperationException($"wait4 failed: {Marshal.GetLastPInvokeError()}");
            }

            double milliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            int exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
            return (milliseconds, exitCode);
        }
        finally
        {
            FileActionsDestroy(actions);
            Marshal.FreeHGlobal(actions);
        }
    }

    /// <summary>
    /// <c>process-start [--runs N] -- COMMAND ARGS...</c>: the two ways of starting a process, interleaved, for
    /// <c>/bin/true</c> and the command given: what <see cref="Run"/> measures against <see cref="Process.Start()"/> with
    /// redirected streams (medians and minimums, ms).
    /// </summary>
    public static int Compare(string[] args)
    {
        int runs = 40;
        int separator = Array.IndexOf(args, "--");
        if (separator < 0 || separator == args.Length - 1)
        {
            Console.Error.WriteLine("process-start: usage: process-start [--runs N] -- COMMAND ARGS...");
            return 2;
        }

        if (separator == 2 && args[0] == "--runs") runs = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
        var commands = new[] { new[] { "/bin/true" }, args[(separator + 1)..] };
        var times = new Dictionary<(int Command, bool Spawned), List<double>>();
        for (int c = 0; c < commands.Length; c++)
        {
            times[(c, true)] = new List<double>();
            times[(c, false)] = new List<double>();
        }

        foreach (var command in commands) Run(command[0], command[1..]);
        for (int run = 0; run < runs; run++)
        {
            for (int c = 0; c < commands.Length; c++)
            {
                foreach (bool spawned in new[] { true, false })
                {
                    double ms = spawned ? Run(commands[c][0], commands[c][1..]).Milliseconds : RunProcess(commands[c][0], commands[c][1..]).Milliseconds;
                    times[(c, spawned)].Add(ms);
                }
            }
        }

        var table = new MarkdownTable("command", "started by", "median ms", "minimum ms");
        foreach (var ((c, spawned), list) in times)
        {
            list.Sort();
            table.Add(string.Join(' ', commands[c]), spawned ? "posix_spawnp, /dev/null" : "Process.Start, redirected", Format.Number(list[list.Count / 2], "0.00"), Format.Number(list[0], "0.00"));
        }

        Console.WriteLine($"### Starting a process ({runs} interleaved runs each)\n\n{table}");
        return 0;
    }

    private static void Check(int result, string what)
    {
        if (result != 0) throw new InvalidOperationException($"{what} failed: {result}");
    }

    private static (double Milliseconds, int ExitCode) RunProcess(string fileName, IEnumerable<string> arguments)
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

    private const int ReadOnly = 0;
    private const int WriteOnly = 1;
    private const int Interrupted = 4;

    [DllImport("libc", EntryPoint = "posix_spawn_file_actions_init")]
    private static extern int FileActionsInit(IntPtr actions);

    [DllImport("libc", EntryPoint = "posix_spawn_file_actions_addopen")]
    private static extern int FileActionsAddOpen(IntPtr actions, int descriptor, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

    [DllImport("libc", EntryPoint = "posix_spawn_file_actions_destroy")]
    private static extern int FileActionsDestroy(IntPtr actions);

    [DllImport("libc", EntryPoint = "posix_spawnp")]
    private static extern int SpawnP(out int pid, [MarshalAs(UnmanagedType.LPUTF8Str)] string file, IntPtr actions, IntPtr attributes,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] argv,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] envp);

    [DllImport("libc", EntryPoint = "wait4", SetLastError = true)]
    private static extern int Wait4(int pid, out int status, int options, IntPtr usage);
}
