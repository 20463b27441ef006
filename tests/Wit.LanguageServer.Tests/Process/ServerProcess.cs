using System.Linq;
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Wit.LanguageServer.Tests.Process;

/// <summary>
/// The framework-dependent server (<c>dotnet wit-language-server.dll</c>, copied next to the test assembly by the
/// project reference) as a real child process, spoken to with framed JSON-RPC over its standard input and output.
/// The reader is strict: anything on stdout that is not a well-formed <c>Content-Length</c> frame holding a JSON-RPC
/// 2.0 message is recorded in <see cref="Violations"/>, because a stray byte there breaks a real editor's connection.
/// Server-to-client requests are answered (<c>workspace/configuration</c> with nulls, anything else with null).
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>A guard against a hung server, never a timing assertion.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly System.Diagnostics.Process _process;
    private readonly Stream _stdin;
    private readonly Task _stdoutReader;
    private readonly Task<string> _stderr;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _responses = new();
    private readonly object _gate = new();
    private readonly List<JsonObject> _notifications = new();
    private readonly List<(Func<JsonObject, bool> Predicate, TaskCompletionSource<JsonObject> Completion)> _waiters = new();
    private int _nextId;

    private ServerProcess(System.Diagnostics.Process process)
    {
        _process = process;
        _stdin = process.StandardInput.BaseStream;
        _stderr = process.StandardError.ReadToEndAsync();
        _stdoutReader = Task.Run(() => ReadLoopAsync(process.StandardOutput.BaseStream));
    }

    /// <summary>The server assembly next to the test assembly.</summary>
    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "wit-language-server.dll");

    /// <summary>The server's process id (to read its memory use).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Every notification received so far.</summary>
    public IReadOnlyList<JsonObject> Notifications
    {
        get
        {
            lock (_gate) return _notifications.ToList();
        }
    }

    /// <summary>What stdout held that was not protocol (must stay empty).</summary>
    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>Starts <c>dotnet wit-language-server.dll</c> with <paramref name="arguments"/>.</summary>
    public static ServerProcess Start(params string[] arguments)
    {
        return new ServerProcess(System.Diagnostics.Process.Start(StartInfo(arguments)) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>
    /// Starts another build of the server: <paramref name="command"/> is the executable (a native build, or
    /// <c>dotnet</c>) and its arguments (for benchmarks of the published builds).
    /// </summary>
    public static ServerProcess StartCommand(IReadOnlyList<string> command)
    {
        return new ServerProcess(System.Diagnostics.Process.Start(CommandStartInfo(command)) ?? throw new InvalidOperationException($"{command[0]} did not start"));
    }

    /// <summary>Runs the server with <paramref name="arguments"/> and stdin closed, for the command-line options that print and exit.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunToEndAsync(params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(StartInfo(arguments)) ?? throw new InvalidOperationException("dotnet did not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Timeout);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        return (process.ExitCode, await stdout.WaitAsync(Timeout), await stderr.WaitAsync(Timeout));
    }

    /// <summary>Sends a request and returns the whole response (with <c>result</c> or <c>error</c>).</summary>
    public async Task<JsonObject> RequestAsync(string method, JsonNode? parameters)
    {
        int id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _responses[id] = completion;
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return await completion.Task.WaitAsync(Timeout);
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>Waits for a notification that satisfies <paramref name="predicate"/> (already received or still to come).</summary>
    public Task<JsonObject> WaitForNotificationAsync(Func<JsonObject, bool> predicate)
    {
        var completion = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            foreach (var notification in _notifications)
            {
                if (predicate(notification)) return Task.FromResult(notification);
            }

            _waiters.Add((predicate, completion));
        }

        return completion.Task.WaitAsync(Timeout);
    }

    /// <summary>Closes the server's standard input (the client went away).</summary>
    public void CloseInput() => _stdin.Close();

    /// <summary>Waits for the process to end and for stdout and stderr to be read to their ends.</summary>
    public async Task<(int ExitCode, string Stderr)> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(Timeout);
        await _stdoutReader.WaitAsync(Timeout);
        return (_process.ExitCode, await _stderr.WaitAsync(Timeout));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _sendLock.Dispose();
    }

    private static ProcessStartInfo StartInfo(string[] arguments)
    {
        if (!File.Exists(ServerDll)) throw new InvalidOperationException($"{ServerDll} is missing: the test project must reference the server project");
        return CommandStartInfo(new[] { "dotnet", ServerDll }.Concat(arguments).ToList());
    }

    private static ProcessStartInfo CommandStartInfo(IReadOnlyList<string> command)
    {
        var info = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in command.Skip(1)) info.ArgumentList.Add(argument);
        return info;
    }

    public static string Uri(string path) => new Uri(path).AbsoluteUri;

    private async Task SendAsync(JsonObject message)
    {
        byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString());
        byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _sendLock.WaitAsync();
        try
        {
            await _stdin.WriteAsync(header);
            await _stdin.WriteAsync(body);
            await _stdin.FlushAsync();
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReadLoopAsync(Stream stdout)
    {
        var input = new BufferedStream(stdout);
        while (true)
        {
            int? length = await ReadHeaderAsync(input);
            if (length is null) return;
            byte[] body = new byte[length.Value];
            int read = 0;
            while (read < body.Length)
            {
                int n = await input.ReadAsync(body.AsMemory(read));
                if (n == 0)
                {
                    Violations.Enqueue($"stdout ended inside a {length}-byte body");
                    return;
                }

                read += n;
            }

            JsonObject? message;
            try
            {
                message = JsonNode.Parse(body) as JsonObject;
            }
            catch (JsonException e)
            {
                Violations.Enqueue("a body that is not JSON: " + e.Message);
                continue;
            }

            if (message is null || message["jsonrpc"]?.GetValue<string>() != "2.0")
            {
                Violations.Enqueue("a body that is not a JSON-RPC 2.0 message: " + Encoding.UTF8.GetString(body));
                continue;
            }

            await DispatchAsync(message);
        }
    }

    /// <summary>Reads one header block; null at a clean end of stream (between messages).</summary>
    private async Task<int?> ReadHeaderAsync(Stream input)
    {
        int? length = null;
        var line = new StringBuilder();
        var oneByte = new byte[1];
        while (true)
        {
            line.Clear();
            while (true)
            {
                if (await input.ReadAsync(oneByte) == 0)
                {
                    if (line.Length > 0 || length is not null) Violations.Enqueue($"stdout ended inside a header: '{line}'");
                    return null;
                }

                if (oneByte[0] == (byte)'\n') break;
                line.Append((char)oneByte[0]);
            }

            string text = line.ToString();
            if (!text.EndsWith('\r'))
            {
                Violations.Enqueue($"a header line without CRLF: '{text}'");
                continue;
            }

            text = text[..^1];
            if (text.Length == 0)
            {
                if (length is not null) return length;
                Violations.Enqueue("a header block without Content-Length");
                continue;
            }

            if (text.StartsWith("Content-Length: ", StringComparison.Ordinal) && int.TryParse(text.AsSpan("Content-Length: ".Length), out int value)) length = value;
            else if (!text.StartsWith("Content-Type: ", StringComparison.Ordinal)) Violations.Enqueue($"not a header: '{text}'");
        }
    }

    private async Task DispatchAsync(JsonObject message)
    {
        bool hasMethod = message["method"] is not null;
        if (!hasMethod)
        {
            int id = message["id"]?.GetValue<int>() ?? -1;
            if (!_responses.TryRemove(id, out var completion)) Violations.Enqueue("a response to no request: " + message.ToJsonString());
            else completion.SetResult(message);
            return;
        }

        if (message["id"] is { } requestId)
        {
            // The server asks the client something (configuration, registrations): answer as a plain client would.
            JsonNode? result = null;
            if (message["method"]!.GetValue<string>() == "workspace/configuration")
            {
                var items = message["params"]?["items"]?.AsArray();
                var nulls = new JsonArray();
                for (int i = 0; i < (items?.Count ?? 0); i++) nulls.Add(null);
                result = nulls;
            }

            try
            {
                await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = requestId.DeepClone(), ["result"] = result });
            }
            catch (IOException)
            {
                // The server may already have exited (its input closed); the answer no longer matters.
            }

            return;
        }

        lock (_gate)
        {
            _notifications.Add(message);
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Predicate(message))
                {
                    _waiters[i].Completion.TrySetResult(message);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }
}
