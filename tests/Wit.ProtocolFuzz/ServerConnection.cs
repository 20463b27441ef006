using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Wit.ProtocolFuzz;

/// <summary>
/// The language server as a child process, spoken to with raw framed bytes. The reader can be paused (to flood the
/// server without reading its answers); every response is matched to its request id, and anything on stdout that is
/// not a frame of JSON is counted as a violation.
/// </summary>
public sealed class ServerConnection : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stream _stdin;
    private readonly Task _reader;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> _responses = new();
    private readonly object _gate = new();
    private readonly List<(Func<JsonObject, bool> Predicate, TaskCompletionSource<JsonObject> Completion)> _waiters = new();
    private readonly ManualResetEventSlim _reading = new(initialState: true);
    private int _nextId = 1_000_000;

    /// <summary>A file the server's standard error is copied to, each line with the time it arrived (the environment variable WIT_FUZZ_SERVER_LOG).</summary>
    private static readonly string? LogPath = Environment.GetEnvironmentVariable("WIT_FUZZ_SERVER_LOG");

    /// <summary>Copies <paramref name="line"/> with the time to <see cref="LogPath"/> when it is set.</summary>
    public static void Note(string line)
    {
        if (LogPath is { } path) File.AppendAllText(path, $"{DateTime.Now:HH:mm:ss.fff} {line}\n");
    }

    private ServerConnection(Process process)
    {
        _process = process;
        _stdin = process.StandardInput.BaseStream;
        _ = Task.Run(async () =>
        {
            // Standard error is drained (a full pipe would block the server), the last lines kept for the report.
            string? line;
            while ((line = await process.StandardError.ReadLineAsync()) is not null)
            {
                lock (_gate)
                {
                    StderrLines++;
                    LastStderr = line;
                    if (line.StartsWith("The handler of ", StringComparison.Ordinal) && line.Contains(" failed: ", StringComparison.Ordinal))
                    {
                        HandlerFailures++;
                        FirstHandlerFailure ??= line;
                    }
                    Note(line);
                }
            }
        });
        _reader = Task.Run(() => ReadLoop(process.StandardOutput.BaseStream));
    }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int Violations;

    public int UnmatchedResponses;

    public int NullIdErrors;

    public int StderrLines { get; private set; }

    /// <summary>
    /// How many times the server logged that a handler threw (a bug: the connection's guard keeps the server alive and
    /// answers a request with InternalError, but a notification's effect, an edit, is lost).
    /// </summary>
    public int HandlerFailures { get; private set; }

    /// <summary>The first such log line (the exception's type and message).</summary>
    public string? FirstHandlerFailure { get; private set; }

    public string? LastStderr { get; private set; }

    /// <summary>Starts <paramref name="command"/> (the first element the program, the rest its arguments).</summary>
    public static ServerConnection Start(IReadOnlyList<string> command)
    {
        var info = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in command.Skip(1)) info.ArgumentList.Add(argument);
        return new ServerConnection(Process.Start(info) ?? throw new InvalidOperationException($"{command[0]} did not start"));
    }

    public void PauseReading() => _reading.Reset();

    public void ResumeReading() => _reading.Set();

    public int NextId() => Interlocked.Increment(ref _nextId);

    /// <summary>Sends a request with a fresh id; the task completes with the response.</summary>
    public Task<JsonObject> Request(string method, JsonNode? parameters, int? id = null)
    {
        int key = id ?? NextId();
        var completion = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _responses[key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = completion;
        _ = SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = key, ["method"] = method, ["params"] = parameters });
        return completion.Task;
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    public Task SendAsync(JsonObject message) => SendRawAsync(Frame(Encoding.UTF8.GetBytes(message.ToJsonString())));

    public static byte[] Frame(byte[] body) => Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n").Concat(body).ToArray();

    public async Task SendRawAsync(byte[] bytes)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _stdin.WriteAsync(bytes);
            await _stdin.FlushAsync();
        }
        catch (IOException)
        {
            // The server went away; the checks after the class report it.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Waits for a notification (received from now on) that satisfies <paramref name="predicate"/>.</summary>
    public Task<JsonObject> WaitForNotification(Func<JsonObject, bool> predicate)
    {
        var completion = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _waiters.Add((predicate, completion));
        return completion.Task;
    }

    public void CloseInput() => _stdin.Close();

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public int ExitCode => _process.ExitCode;

    public async ValueTask DisposeAsync()
    {
        _reading.Set();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void ReadLoop(Stream stdout)
    {
        var header = new StringBuilder();
        try
        {
            while (true)
            {
                _reading.Wait();
                header.Clear();
                int length = -1;
                while (true)
                {
                    string? line = ReadLine(stdout);
                    if (line is null) return;
                    if (line.Length == 0) break;
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line.AsSpan(15).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                    else if (!line.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase)) Interlocked.Increment(ref Violations);
                }

                if (length < 0)
                {
                    Interlocked.Increment(ref Violations);
                    continue;
                }

                var body = new byte[length];
                int read = 0;
                while (read < length)
                {
                    int n = stdout.Read(body, read, length - read);
                    if (n == 0) return;
                    read += n;
                }

                JsonObject? message;
                try
                {
                    message = JsonNode.Parse(body)?.AsObject();
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref Violations);
                    continue;
                }

                if (message is not null) Dispatch(message);
            }
        }
        catch (IOException)
        {
        }
    }

    private void Dispatch(JsonObject message)
    {
        if (message.ContainsKey("method"))
        {
            if (message["id"] is { } requestId)
            {
                // A server-to-client request (configuration, registration): answer null, or nulls per item.
                JsonNode? result = null;
                if (message["method"]!.GetValue<string>() == "workspace/configuration")
                {
                    int items = message["params"]?["items"]?.AsArray().Count ?? 0;
                    result = new JsonArray(Enumerable.Range(0, items).Select(_ => (JsonNode?)null).ToArray());
                }

                _ = SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = requestId.DeepClone(), ["result"] = result });
                return;
            }

            List<TaskCompletionSource<JsonObject>> done = new();
            lock (_gate)
            {
                for (int i = _waiters.Count - 1; i >= 0; i--)
                {
                    if (_waiters[i].Predicate(message))
                    {
                        done.Add(_waiters[i].Completion);
                        _waiters.RemoveAt(i);
                    }
                }
            }

            foreach (var completion in done) completion.TrySetResult(message);
            return;
        }

        var id = message["id"];
        if (id is null)
        {
            Interlocked.Increment(ref NullIdErrors);
            return;
        }

        if (_responses.TryRemove(id.ToJsonString().Trim('"'), out var pending)) pending.TrySetResult(message);
        else if (id.GetValueKind() == System.Text.Json.JsonValueKind.Number && id.GetValue<double>() >= 1_000_000) Interlocked.Increment(ref UnmatchedResponses);

        // Answers to the garbage of the bad-frames class (ids below the fuzzer's own) are expected and not counted.
    }

    private static string? ReadLine(Stream stream)
    {
        var bytes = new List<byte>();
        while (true)
        {
            int b = stream.ReadByte();
            if (b < 0) return null;
            if (b == '\n') break;
            bytes.Add((byte)b);
        }

        if (bytes.Count > 0 && bytes[^1] == '\r') bytes.RemoveAt(bytes.Count - 1);
        return Encoding.ASCII.GetString(bytes.ToArray());
    }
}
