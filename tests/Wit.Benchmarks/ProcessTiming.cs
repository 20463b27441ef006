using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
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
        int pid = SpawnP(argv, actions =>
        {
            Check(FileActionsAddOpen(actions, 0, "/dev/null", ReadOnly, 0), "posix_spawn_file_actions_addopen");
            Check(FileActionsAddOpen(actions, 1, "/dev/null", WriteOnly, 0), "posix_spawn_file_actions_addopen");
            Check(FileActionsAddOpen(actions, 2, "/dev/null", WriteOnly, 0), "posix_spawn_file_actions_addopen");
        }, out long start);
        int status;
        while (Wait4(pid, out status, 0, IntPtr.Zero) < 0)
        {
            if (Marshal.GetLastPInvokeError() != Interrupted) throw new InvalidOperationException($"wait4 failed: {Marshal.GetLastPInvokeError()}");
        }

        double milliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        int exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
        return (milliseconds, exitCode);
    }

    /// <summary>
    /// Starts <paramref name="argv"/> with <c>posix_spawnp</c> and this process's environment, after
    /// <paramref name="fileActions"/> has said what the child's descriptors are; <paramref name="start"/> is the
    /// <see cref="Stopwatch"/> timestamp just before the spawn. Returns the child's pid.
    /// </summary>
    private static int SpawnP(IReadOnlyList<string?> argv, Action<IntPtr> fileActions, out long start)
    {
        var arguments = new List<string?>(argv);
        if (arguments[^1] is not null) arguments.Add(null);
        var environment = new List<string?>();
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables()) environment.Add($"{variable.Key}={variable.Value}");
        environment.Add(null);

        // glibc's posix_spawn_file_actions_t is 80 bytes on 64-bit Linux; more is set aside.
        IntPtr actions = Marshal.AllocHGlobal(256);
        try
        {
            Check(FileActionsInit(actions), "posix_spawn_file_actions_init");
            fileActions(actions);
            start = Stopwatch.GetTimestamp();
            Check(SpawnP(out int pid, arguments[0]!, actions, IntPtr.Zero, arguments.ToArray(), environment.ToArray()), "posix_spawnp " + arguments[0]);
            return pid;
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

    /// <summary>
    /// Waits until this process is idle (at most <paramref name="limit"/>): a moment after methods get hot the runtime
    /// compiles them again on a background thread (tiered compilation), which on a machine of two cores then competes
    /// with the process being measured. Measured on the machine these numbers come from (2026-12-07): the first cold
    /// check of a `native` run took 20.8 ms median where the same build took 13.6 ms with tiered compilation off.
    /// Run what is to be measured a few dozen times first, so that it is compiled for good.
    /// </summary>
    public static void Settle(TimeSpan? limit = null)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)((limit ?? TimeSpan.FromSeconds(10)).TotalSeconds * Stopwatch.Frequency);
        using var self = Process.GetCurrentProcess();
        while (Stopwatch.GetTimestamp() < deadline)
        {
            self.Refresh();
            TimeSpan before = self.TotalProcessorTime;
            System.Threading.Thread.Sleep(250);
            self.Refresh();
            if (self.TotalProcessorTime - before < TimeSpan.FromMilliseconds(5)) return;
        }
    }

    /// <summary>Whether <see cref="SpawnWithPipes"/> is available here (64-bit Linux).</summary>
    public static bool CanSpawnWithPipes => OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    /// <summary>
    /// Starts <paramref name="argv"/> as <see cref="Run"/> does (<c>posix_spawnp</c>, standard error on
    /// <c>/dev/null</c>) with its standard input and output on pipes this process holds the other ends of: a protocol
    /// over standard input and output without the two reader threads and the pipes' own streams that
    /// <see cref="Process.Start()"/> with redirection adds to the measuring process.
    /// </summary>
    public static PipedProcess SpawnWithPipes(IReadOnlyList<string> argv)
    {
        var input = new int[2];
        var output = new int[2];
        Check(Pipe2(input, CloseOnExec) == 0 ? 0 : Marshal.GetLastPInvokeError(), "pipe2");
        Check(Pipe2(output, CloseOnExec) == 0 ? 0 : Marshal.GetLastPInvokeError(), "pipe2");
        try
        {
            int pid = SpawnP(argv, actions =>
            {
                Check(FileActionsAddDup2(actions, input[0], 0), "posix_spawn_file_actions_adddup2");
                Check(FileActionsAddDup2(actions, output[1], 1), "posix_spawn_file_actions_adddup2");
                Check(FileActionsAddOpen(actions, 2, "/dev/null", WriteOnly, 0), "posix_spawn_file_actions_addopen");
            }, out long start);
            return new PipedProcess(pid, input[1], output[0], start);
        }
        catch
        {
            Close(input[1]);
            Close(output[0]);
            throw;
        }
        finally
        {
            Close(input[0]);
            Close(output[1]);
        }
    }

    /// <summary>A process started by <see cref="SpawnWithPipes"/>: its standard input and output, and its end.</summary>
    public sealed class PipedProcess : IDisposable
    {
        private readonly int pid;
        private int input;
        private int output;
        private bool reaped;

        internal PipedProcess(int pid, int input, int output, long started)
        {
            this.pid = pid;
            this.input = input;
            this.output = output;
            Started = started;
        }

        /// <summary>The <see cref="Stopwatch"/> timestamp taken just before the process was spawned.</summary>
        public long Started { get; }

        /// <summary>Writes all of <paramref name="bytes"/> to the process's standard input.</summary>
        public void Write(ReadOnlySpan<byte> bytes)
        {
            while (!bytes.IsEmpty)
            {
                int written = (int)WriteBytes(input, ref MemoryMarshal.GetReference(bytes), (nint)bytes.Length);
                if (written < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Interrupted) continue;
                    throw new IOException($"write to the process failed: {Marshal.GetLastPInvokeError()}");
                }

                bytes = bytes.Slice(written);
            }
        }

        /// <summary>
        /// Reads the process's standard output into <paramref name="buffer"/> until <paramref name="complete"/> says
        /// what was read so far is enough, returning its length; throws when the process closes its output first or
        /// nothing comes for <paramref name="timeout"/>.
        /// </summary>
        public int ReadUntil(byte[] buffer, Func<ReadOnlyMemory<byte>, bool> complete, TimeSpan timeout)
        {
            int length = 0;
            while (!complete(buffer.AsMemory(0, length)))
            {
                if (length == buffer.Length) throw new IOException($"more than {buffer.Length} bytes came before the message was complete");
                var poll = new PollDescriptor { Descriptor = output, Events = PollIn };
                int ready = Poll(ref poll, 1, (int)timeout.TotalMilliseconds);
                if (ready == 0) throw new TimeoutException($"nothing came from the process for {timeout.TotalSeconds} s");
                if (ready < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Interrupted) continue;
                    throw new IOException($"poll failed: {Marshal.GetLastPInvokeError()}");
                }

                int read = (int)ReadBytes(output, ref buffer[length], (nint)(buffer.Length - length));
                if (read < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Interrupted) continue;
                    throw new IOException($"read from the process failed: {Marshal.GetLastPInvokeError()}");
                }

                if (read == 0) throw new EndOfStreamException("the process closed its output before the message was complete");
                length += read;
            }

            return length;
        }

        /// <summary>Closes the process's standard input and waits for it to exit (killing it after <paramref name="timeout"/>); returns its exit code.</summary>
        public int CloseAndWait(TimeSpan timeout)
        {
            CloseDescriptor(ref input);
            var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            int status;
            while (true)
            {
                int result = Wait4(pid, out status, NoHang, IntPtr.Zero);
                if (result == pid) break;
                if (result < 0 && Marshal.GetLastPInvokeError() != Interrupted) throw new InvalidOperationException($"wait4 failed: {Marshal.GetLastPInvokeError()}");
                if (Stopwatch.GetTimestamp() > deadline) Kill(pid, KillSignal);
                System.Threading.Thread.Sleep(1);
            }

            reaped = true;
            CloseDescriptor(ref output);
            return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
        }

        public void Dispose()
        {
            CloseDescriptor(ref input);
            CloseDescriptor(ref output);
            if (!reaped)
            {
                Kill(pid, KillSignal);
                while (Wait4(pid, out _, 0, IntPtr.Zero) < 0 && Marshal.GetLastPInvokeError() == Interrupted)
                {
                }

                reaped = true;
            }
        }

        private static void CloseDescriptor(ref int descriptor)
        {
            if (descriptor >= 0) Close(descriptor);
            descriptor = -1;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollDescriptor
    {
        public int Descriptor;
        public short Events;
        public short ReturnedEvents;
    }

    private const int CloseOnExec = 0x80000;
    private const short PollIn = 1;
    private const int NoHang = 1;
    private const int KillSignal = 9;

    [DllImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    private static extern int Pipe2([Out] int[] descriptors, int flags);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int descriptor);

    [DllImport("libc", EntryPoint = "posix_spawn_file_actions_adddup2")]
    private static extern int FileActionsAddDup2(IntPtr actions, int descriptor, int newDescriptor);

    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    private static extern nint WriteBytes(int descriptor, ref byte buffer, nint count);

    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    private static extern nint ReadBytes(int descriptor, ref byte buffer, nint count);

    [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static extern int Poll(ref PollDescriptor descriptors, nuint count, int timeoutMilliseconds);

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

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
