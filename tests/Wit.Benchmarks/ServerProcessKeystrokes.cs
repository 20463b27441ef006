using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Wit.Core.Tests.TestKit;

namespace Wit.Benchmarks;

/// <summary>
/// <c>server-keystrokes [-- command args...]</c>: the keystroke budget as an editor meets it, against the server as
/// shipped. It starts the published self-contained single file (<c>scripts/publish-server.sh</c>; ReadyToRun code,
/// its own process and heap) over stdio, opens both WASI workspaces as folders, opens the 5,000-line file of
/// <see cref="ServerBenchmark"/> inside WASI 0.3 <c>http</c> as an unsaved buffer, and times each keystroke from
/// writing <c>didChange</c> to reading the <c>publishDiagnostics</c> of that version (wall clock, this process reading
/// the pipe and finding the version without parsing the JSON). The first 100 keystrokes warm up; 400 are measured. The in-process <c>server</c> mode runs the JIT-compiled
/// assemblies in the benchmark's own process and heap instead.
/// </summary>
internal static class ServerProcessKeystrokes
{
    private const int WarmUp = 100;
    private const int Measured = 400;

    public static int Run(string[] args)
    {
        string[] command = args.Length > 1 && args[0] == "--"
            ? args[1..]
            : new[] { Path.Combine(RepoPaths.Root, "artifacts", "server", "linux-x64", "wit-language-server"), "--stdio" };
        if (command[0].Contains(Path.DirectorySeparatorChar) && !File.Exists(command[0]))
        {
            Console.Error.WriteLine($"server-keystrokes: {command[0]} is missing; run scripts/publish-server.sh first");
            return 1;
        }

        Console.WriteLine(RunAsync(command).GetAwaiter().GetResult().Report);
        return 0;
    }

    /// <summary>Runs the keystrokes against <paramref name="command"/>: the Markdown report and the median in ms.</summary>
    internal static async Task<(string Report, double Median)> RunAsync(string[] command)
    {
        string[] folders = new[] { "wasi-0.2.12", "wasi-0.3.0" }
            .Select(v => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "corpus", "wasi-wit", v))).ToArray();
        int files = folders.Sum(f => Directory.GetFiles(f, "*.wit", SearchOption.AllDirectories).Length);
        string httpDirectory = Path.Combine(folders[1], "http", "wit");
        string generatedPath = Path.Combine(httpDirectory, "generated-bench.wit");
        string generated = ServerBenchmark.Generate(5000);
        string uri = new Uri(generatedPath).AbsoluteUri;

        var info = new ProcessStartInfo(command[0]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in command[1..]) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{command[0]} did not start");
        _ = process.StandardError.ReadToEndAsync();
        var client = new FrameClient(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
        try
        {
            var folderArray = new JsonArray(folders.Select(f => (JsonNode)new JsonObject { ["uri"] = new Uri(f).AbsoluteUri, ["name"] = Path.GetFileName(f) }).ToArray());
            await client.SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "initialize", ["params"] = new JsonObject
            {
                ["processId"] = Environment.ProcessId,
                ["capabilities"] = new JsonObject(),
                ["workspaceFolders"] = folderArray,
            } });
            await client.ReadUntilAsync(body => Has(body.Span, "\"id\":1"));
            await client.SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "initialized", ["params"] = new JsonObject() });
            var published = new HashSet<string>(StringComparer.Ordinal);
            await client.ReadUntilAsync(body =>
            {
                if (Has(body.Span, "textDocument/publishDiagnostics")) published.Add(JsonNode.Parse(body.Span)!["params"]!["uri"]!.GetValue<string>());
                return published.Count >= files;
            });

            await client.SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "textDocument/didOpen", ["params"] = new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "wit", ["version"] = 1, ["text"] = generated },
            } });
            await client.ReadUntilAsync(body => IsPublication(body.Span, uri, 1));

            string[] lines = generated.Split('\n');
            int line = lines.Length / 2;
            while (!lines[line].Contains("func(", StringComparison.Ordinal)) line++;
            int column = lines[line].IndexOf(':', StringComparison.Ordinal);
            var keystrokes = new List<double>();
            int version = 1;
            double cpuBefore = 0;
            for (int i = 0; i < WarmUp + Measured; i++)
            {
                if (i == WarmUp) cpuBefore = CpuMilliseconds(process.Id);
                bool insert = i % 2 == 0;
                string change = new JsonObject
                {
                    ["jsonrpc"] = "2.0",
                    ["method"] = "textDocument/didChange",
                    ["params"] = new JsonObject
                    {
                        ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = ++version },
                        ["contentChanges"] = new JsonArray(new JsonObject
                        {
                            ["range"] = new JsonObject
                            {
                                ["start"] = new JsonObject { ["line"] = line, ["character"] = column },
                                ["end"] = new JsonObject { ["line"] = line, ["character"] = insert ? column : column + 1 },
                            },
                            ["text"] = insert ? "x" : string.Empty,
                        }),
                    },
                }.ToJsonString();
                bool errors = false;
                var stopwatch = Stopwatch.StartNew();
                await client.SendAsync(change);
                await client.ReadUntilAsync(body =>
                {
                    if (!IsPublication(body.Span, uri, version)) return false;
                    errors = Has(body.Span, "\"severity\":1");
                    return true;
                });
                stopwatch.Stop();
                if (i >= WarmUp) keystrokes.Add(stopwatch.Elapsed.TotalMilliseconds);
                if (errors) throw new InvalidOperationException("the generated file has errors");
            }

            double cpuPerKeystroke = (CpuMilliseconds(process.Id) - cpuBefore) / Measured;
            string status = File.ReadAllText($"/proc/{process.Id}/status");
            string Field(string name) => status.Split('\n').First(l => l.StartsWith(name + ":", StringComparison.Ordinal)).Substring(name.Length + 1).Trim();
            await client.SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 2, ["method"] = "shutdown" });
            await client.ReadUntilAsync(body => Has(body.Span, "\"id\":2"));
            await client.SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "exit" });
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            var table = new MarkdownTable("operation", "median ms", "p90 ms", "p99 ms", "samples");
            ServerBenchmark.Add(table, "keystroke -> publishDiagnostics (5,000-line file in WASI 0.3 http)", keystrokes);
            double median = keystrokes[keystrokes.Count / 2];
            var output = new StringBuilder();
            output.AppendLine($"## Language server process: keystrokes over stdio ({string.Join(' ', command.Select(Path.GetFileName))})\n");
            output.Append(table);
            output.AppendLine($"\n> server CPU time (user + system, all threads) per measured keystroke: {cpuPerKeystroke:0.00} ms");
            output.AppendLine($"> {WarmUp} keystrokes of warm-up; server resident set afterwards {Field("VmRSS")}, peak {Field("VmHWM")}");
            return (output.ToString(), median);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>The process's CPU time so far (utime + stime from <c>/proc/PID/stat</c>), in milliseconds.</summary>
    private static double CpuMilliseconds(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        string[] fields = stat.Substring(stat.LastIndexOf(')') + 2).Split(' ');
        long ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return ticks * 1000.0 / 100; // USER_HZ is 100 on Linux
    }

    /// <summary>A <c>publishDiagnostics</c> for <paramref name="uri"/> at <paramref name="version"/>, recognised without parsing the JSON.</summary>
    private static bool IsPublication(ReadOnlySpan<byte> body, string uri, int version)
    {
        if (body.IndexOf("textDocument/publishDiagnostics"u8) < 0 || !Has(body, uri)) return false;
        byte[] field = Encoding.UTF8.GetBytes($"\"version\":{version}");
        int at = body.IndexOf(field);
        return at >= 0 && (at + field.Length == body.Length || !char.IsAsciiDigit((char)body[at + field.Length]));
    }

    /// <summary>Whether a frame's UTF-8 body holds <paramref name="text"/>.</summary>
    private static bool Has(ReadOnlySpan<byte> body, string text) => body.IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    /// <summary>
    /// A minimal LSP client over a process's pipes: writes framed messages and reads frames into one buffer it reuses,
    /// so that the measurement holds little of the client's own work (an editor's client parses the JSON; this one only
    /// searches its bytes). A frame of the 5,000-line file's diagnostics is over 85,000 bytes: read into a new array
    /// and a string each time, as it was, it made the client's own heap of large objects fill and its full collections
    /// fall inside measured keystrokes.
    /// </summary>
    private sealed class FrameClient
    {
        private readonly Stream _input;
        private readonly Stream _output;
        private readonly byte[] _buffer = new byte[1 << 16];
        private int _start, _end;

        public FrameClient(Stream input, Stream output)
        {
            _input = input;
            _output = output;
        }

        public Task SendAsync(JsonObject message) => SendAsync(message.ToJsonString());

        public async Task SendAsync(string body)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {bytes.Length}\r\n\r\n");
            await _input.WriteAsync(header);
            await _input.WriteAsync(bytes);
            await _input.FlushAsync();
        }

        public async Task ReadUntilAsync(Func<ReadOnlyMemory<byte>, bool> done)
        {
            var timeout = Stopwatch.StartNew();
            while (timeout.Elapsed < TimeSpan.FromMinutes(2))
            {
                if (done(await ReadFrameAsync())) return;
            }

            throw new TimeoutException("the server did not answer");
        }

        private byte[] _body = new byte[1 << 16];

        private async Task<ReadOnlyMemory<byte>> ReadFrameAsync()
        {
            int length = -1;
            while (true)
            {
                string header = await ReadLineAsync();
                if (header.Length == 0 && length >= 0) break;
                if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(header.AsSpan(15).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }

            if (_body.Length < length) _body = new byte[Math.Max(length, _body.Length * 2)];
            byte[] body = _body;
            int read = 0;
            while (read < length)
            {
                if (_start == _end) await FillAsync();
                int n = Math.Min(length - read, _end - _start);
                Buffer.BlockCopy(_buffer, _start, body, read, n);
                _start += n;
                read += n;
            }

            return body.AsMemory(0, length);
        }

        private async Task<string> ReadLineAsync()
        {
            var line = new StringBuilder();
            while (true)
            {
                if (_start == _end) await FillAsync();
                char c = (char)_buffer[_start++];
                if (c == '\n') return line.ToString().TrimEnd('\r');
                line.Append(c);
            }
        }

        private async Task FillAsync()
        {
            _start = 0;
            _end = await _output.ReadAsync(_buffer);
            if (_end == 0) throw new EndOfStreamException("the server closed its output");
        }
    }
}
