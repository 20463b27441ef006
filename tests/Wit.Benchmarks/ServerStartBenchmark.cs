using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Wit.Core.Tests.TestKit;

namespace Wit.Benchmarks;

/// <summary>
/// <c>server-start [--runs N] [-- command args...]</c>: starts a language server N times (default 10), sends
/// <c>initialize</c> at once, and times process start to the <c>initialize</c> response (wall clock). Each run then
/// shuts the server down cleanly, untimed. Without a command it measures both builds of
/// <c>scripts/publish-server.sh</c>: the self-contained single file and the framework-dependent dll through
/// <c>dotnet</c>.
/// </summary>
internal static class ServerStartBenchmark
{
    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}""";
    private const string Shutdown = """{"jsonrpc":"2.0","id":2,"method":"shutdown"}""";
    private const string Exit = """{"jsonrpc":"2.0","method":"exit"}""";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    public static int Run(string[] args)
    {
        int runs = 10;
        var commands = new List<string[]>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--runs" && i + 1 < args.Length && int.TryParse(args[i + 1], out int n) && n > 0) runs = n;
            else if (args[i] == "--") commands.Add(args[(i + 1)..]);
            else
            {
                Console.Error.WriteLine($"server-start: unexpected argument '{args[i]}'; usage: server-start [--runs N] [-- command args...]");
                return 2;
            }

            if (args[i] == "--") break;
            i++;
        }

        if (commands.Count == 0)
        {
            string artifacts = Path.Combine(RepoPaths.Root, "artifacts", "server");
            commands.Add(new[] { Path.Combine(artifacts, "linux-x64", "wit-language-server"), "--stdio" });
            commands.Add(new[] { "dotnet", Path.Combine(artifacts, "any", "wit-language-server.dll"), "--stdio" });
            foreach (var command in commands)
            {
                string file = command[0] == "dotnet" ? command[1] : command[0];
                if (!File.Exists(file))
                {
                    Console.Error.WriteLine($"server-start: {file} is missing; run scripts/publish-server.sh first");
                    return 1;
                }
            }
        }

        var table = new MarkdownTable("Command", "Runs", "Median (ms)", "p90 (ms)", "Min (ms)", "Max (ms)");
        foreach (var command in commands)
        {
            var times = new List<double>(runs);
            for (int run = 0; run < runs; run++) times.Add(TimeToInitialize(command));
            times.Sort();
            table.Add(
                string.Join(' ', command.Select(a => a.StartsWith(RepoPaths.Root, StringComparison.Ordinal) ? Path.GetRelativePath(RepoPaths.Root, a) : a)),
                runs.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Format.Number(Median(times), "0.0"),
                Format.Number(times[(int)Math.Ceiling(0.9 * times.Count) - 1], "0.0"),
                Format.Number(times[0], "0.0"),
                Format.Number(times[^1], "0.0"));
        }

        Console.WriteLine("Language server start to `initialize` answered (wall clock, process start included):\n");
        Console.WriteLine(table);
        return 0;
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>
    /// One run: milliseconds from the start of the process to the complete <c>initialize</c> response. On Linux the
    /// server is started with <see cref="ProcessTiming.SpawnWithPipes"/> and its answer read in this thread; elsewhere
    /// with <see cref="Process.Start()"/>.
    /// </summary>
    internal static double TimeToInitialize(string[] command)
    {
        if (ProcessTiming.CanSpawnWithPipes) return TimeToInitializeSpawned(command);

        var info = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in command.Skip(1)) info.ArgumentList.Add(argument);

        long start = Stopwatch.GetTimestamp();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{command[0]} did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var stdin = process.StandardInput.BaseStream;
        Write(stdin, Initialize);
        var reading = System.Threading.Tasks.Task.Run(() => ReadMessage(process.StandardOutput.BaseStream));
        if (!reading.Wait(Guard))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command[0]} did not answer initialize within {Guard.TotalSeconds} s");
        }

        double elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (!reading.Result.Contains("\"id\":1,", StringComparison.Ordinal) || !reading.Result.Contains("\"capabilities\"", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{command[0]} answered initialize with {reading.Result}");
        }

        Write(stdin, Shutdown);
        Write(stdin, Exit);
        stdin.Close();
        if (!process.WaitForExit(Guard)) process.Kill(entireProcessTree: true);
        return elapsed;
    }

    private static double TimeToInitializeSpawned(string[] command)
    {
        using var process = ProcessTiming.SpawnWithPipes(command);
        process.Write(Frame(Initialize));
        var buffer = new byte[1 << 20];
        int length = process.ReadUntil(buffer, received => CompleteMessage(received.Span) > 0, Guard);
        double elapsed = Stopwatch.GetElapsedTime(process.Started).TotalMilliseconds;
        string answer = Encoding.UTF8.GetString(buffer, 0, length);
        if (!answer.Contains("\"id\":1,", StringComparison.Ordinal) || !answer.Contains("\"capabilities\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{command[0]} answered initialize with {answer}");
        }

        process.Write(Frame(Shutdown));
        process.Write(Frame(Exit));
        process.CloseAndWait(Guard);
        return elapsed;
    }

    /// <summary>The length of the first framed message in <paramref name="received"/> when it is all there, else 0.</summary>
    internal static int CompleteMessage(ReadOnlySpan<byte> received)
    {
        int end = received.IndexOf("\r\n\r\n"u8);
        if (end < 0) return 0;
        string header = Encoding.ASCII.GetString(received.Slice(0, end));
        string? lengthLine = header.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length: ", StringComparison.Ordinal));
        if (lengthLine is null) throw new InvalidDataException($"a message without Content-Length: {header}");
        int total = end + 4 + int.Parse(lengthLine.AsSpan("Content-Length: ".Length), System.Globalization.CultureInfo.InvariantCulture);
        return received.Length >= total ? total : 0;
    }

    private static byte[] Frame(string body)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        return Encoding.ASCII.GetBytes($"Content-Length: {bytes.Length}\r\n\r\n").Concat(bytes).ToArray();
    }

    private static void Write(Stream stream, string body)
    {
        stream.Write(Frame(body));
        stream.Flush();
    }

    /// <summary>Reads one framed message (the server sends nothing before the <c>initialize</c> response).</summary>
    private static string ReadMessage(Stream stream)
    {
        var header = new StringBuilder();
        while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            int b = stream.ReadByte();
            if (b < 0) throw new EndOfStreamException("the server closed stdout before answering initialize");
            header.Append((char)b);
        }

        string lengthLine = header.ToString().Split("\r\n").First(l => l.StartsWith("Content-Length: ", StringComparison.Ordinal));
        byte[] body = new byte[int.Parse(lengthLine.AsSpan("Content-Length: ".Length), System.Globalization.CultureInfo.InvariantCulture)];
        stream.ReadExactly(body);
        return Encoding.UTF8.GetString(body);
    }
}
