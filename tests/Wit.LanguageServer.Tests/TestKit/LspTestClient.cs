using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wit.Core.Workspace;

namespace Wit.LanguageServer.Tests.TestKit;

/// <summary>
/// A language client for tests: it runs a <see cref="WitLanguageServer"/> in-process over in-memory pipes and talks
/// to it with real framed JSON-RPC bytes, as an editor would. Server-to-client requests are answered
/// (<c>workspace/configuration</c> with <see cref="Settings"/>, registrations with null); notifications are recorded,
/// and the latest diagnostics per URI can be awaited.
/// </summary>
public sealed class LspTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly Pipe _toServer = new();
    private readonly Pipe _toClient = new();
    private readonly Stream _send;
    private readonly Task<int> _server;
    private readonly Task _reader;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> _responses = new();
    private readonly object _gate = new();
    private readonly Dictionary<string, JsonObject> _diagnostics = new(StringComparer.Ordinal);
    private readonly List<(Func<JsonObject, bool> Predicate, TaskCompletionSource<JsonObject> Completion)> _waiters = new();
    private int _nextId;
    private volatile bool _disposing;

    public LspTestClient(IFileSystem fileSystem)
    {
        FileSystem = fileSystem;
        _send = _toServer.Writer.AsStream();
        var server = new WitLanguageServer(_toServer.Reader.AsStream(), _toClient.Writer.AsStream(), fileSystem, message => Logs.Add(message));
        Server = server;
        _server = Task.Run(async () =>
        {
            int code = await server.RunAsync();
            await _toClient.Writer.CompleteAsync();
            return code;
        });
        _reader = Task.Run(ReadLoopAsync);
    }

    internal WitLanguageServer Server { get; }

    /// <summary>The disk the server reads (tests change it and then send watcher events).</summary>
    public IFileSystem FileSystem { get; }

    /// <summary>What the server logged (to standard error in a real process).</summary>
    public ConcurrentBag<string> Logs { get; } = new();

    /// <summary>Whether <see cref="Notifications"/> records every notification (benchmarks turn it off, so that a long
    /// session does not grow the heap it measures; the latest diagnostics per document are kept either way).</summary>
    public bool KeepNotifications { get; set; } = true;

    /// <summary>Every notification the server sent, in order.</summary>
    public ConcurrentQueue<JsonObject> Notifications { get; } = new();

    /// <summary>Every request the server sent to the client, in order.</summary>
    public ConcurrentQueue<JsonObject> ServerRequests { get; } = new();

    /// <summary>The <c>wit</c> settings section returned for <c>workspace/configuration</c>.</summary>
    public JsonNode? Settings { get; set; }

    /// <summary>Responses the client received for ids it never sent, or twice for one id (must stay empty).</summary>
    public ConcurrentBag<string> UnexpectedResponses { get; } = new();

    /// <summary>Starts a server with <paramref name="folders"/> as workspace folders and completes the handshake.</summary>
    public static async Task<LspTestClient> StartAsync(IFileSystem fileSystem, IEnumerable<string> folders, JsonObject? initializationOptions = null, JsonNode? settings = null)
    {
        var client = new LspTestClient(fileSystem) { Settings = settings };
        var parameters = new JsonObject
        {
            ["processId"] = null,
            ["rootUri"] = null,
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true, ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = true } },
                ["textDocument"] = new JsonObject { ["publishDiagnostics"] = new JsonObject { ["relatedInformation"] = true } },
                ["window"] = new JsonObject { ["workDoneProgress"] = true },
            },
            ["workspaceFolders"] = new JsonArray(folders.Select(f => (JsonNode)new JsonObject { ["uri"] = Uri(f), ["name"] = Path.GetFileName(f) }).ToArray()),
        };
        if (initializationOptions is not null) parameters["initializationOptions"] = initializationOptions;
        var result = await client.RequestAsync("initialize", parameters);
        if (result["error"] is not null) throw new InvalidOperationException("initialize failed: " + result.ToJsonString());
        await client.NotifyAsync("initialized", new JsonObject());
        return client;
    }

    public static string Uri(string path) => new Uri(path).AbsoluteUri;

    /// <summary>Sends a request and returns the whole response message (with <c>result</c> or <c>error</c>).</summary>
    public async Task<JsonObject> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken = default)
    {
        string id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _responses[id] = completion;
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = int.Parse(id, System.Globalization.CultureInfo.InvariantCulture), ["method"] = method, ["params"] = parameters });
        return await completion.Task.WaitAsync(Timeout, cancellationToken);
    }

    /// <summary>Sends a request and returns its <c>result</c>; fails the test on an error response.</summary>
    public async Task<JsonNode?> ResultAsync(string method, JsonNode? parameters)
    {
        var response = await RequestAsync(method, parameters);
        if (response["error"] is { } error) throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
        return response["result"];
    }

    /// <summary>Sends a request with a chosen id, without waiting (cancellation and duplicate tests).</summary>
    public Task<JsonObject> StartRequest(int id, string method, JsonNode? parameters)
    {
        var completion = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _responses[id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = completion;
        _ = SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return completion.Task.WaitAsync(Timeout);
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    public Task SendAsync(JsonObject message) => SendRawAsync(Frame(Encoding.UTF8.GetBytes(message.ToJsonString())));

    /// <summary>Writes bytes exactly as given (malformed-input tests).</summary>
    public async Task SendRawAsync(byte[] bytes)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _send.WriteAsync(bytes);
            await _send.FlushAsync();
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public static byte[] Frame(byte[] body) => Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n").Concat(body).ToArray();

    public Task OpenAsync(string path, string text, int version = 1) =>
        NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["languageId"] = path.EndsWith(".witx", StringComparison.Ordinal) ? "witx" : "wit", ["version"] = version, ["text"] = text },
        });

    /// <summary>Sends one incremental change replacing the range with <paramref name="text"/>.</summary>
    public Task ChangeAsync(string path, int version, int startLine, int startCharacter, int endLine, int endCharacter, string text) =>
        NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = Range(startLine, startCharacter, endLine, endCharacter),
                ["text"] = text,
            }),
        });

    public static JsonObject Position(int line, int character) => new() { ["line"] = line, ["character"] = character };

    public static JsonObject Range(int startLine, int startCharacter, int endLine, int endCharacter) =>
        new() { ["start"] = Position(startLine, startCharacter), ["end"] = Position(endLine, endCharacter) };

    public static JsonObject TextDocumentPosition(string path, int line, int character) =>
        new() { ["textDocument"] = new JsonObject { ["uri"] = Uri(path) }, ["position"] = Position(line, character) };

    /// <summary>The latest <c>publishDiagnostics</c> params for <paramref name="path"/>, or null.</summary>
    public JsonObject? LatestDiagnostics(string path)
    {
        lock (_gate) return _diagnostics.TryGetValue(Uri(path), out var latest) ? latest : null;
    }

    /// <summary>Waits until the latest diagnostics of <paramref name="path"/> satisfy <paramref name="predicate"/>.</summary>
    public Task<JsonObject> WaitForDiagnosticsAsync(string path, Func<JsonObject, bool> predicate)
    {
        string uri = Uri(path);
        var completion = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_diagnostics.TryGetValue(uri, out var latest) && predicate(latest)) return Task.FromResult(latest);
            _waiters.Add((p => p["uri"]?.GetValue<string>() == uri && predicate(p), completion));
        }

        return completion.Task.WaitAsync(Timeout);
    }

    /// <summary>Waits for diagnostics of <paramref name="path"/> published for buffer version <paramref name="version"/>.</summary>
    public Task<JsonObject> WaitForVersionAsync(string path, int version) =>
        WaitForDiagnosticsAsync(path, p => p["version"]?.GetValue<int>() == version);

    /// <summary>Shuts the server down politely and returns its exit code.</summary>
    public async Task<int> ShutdownAsync()
    {
        await RequestAsync("shutdown", null);
        await NotifyAsync("exit", null);
        return await _server.WaitAsync(Timeout);
    }

    public Task<int> ServerTask => _server;

    public async ValueTask DisposeAsync()
    {
        _disposing = true;
        if (!_server.IsCompleted)
        {
            await _toServer.Writer.CompleteAsync();
            try
            {
                await _server.WaitAsync(Timeout);
            }
            catch (TimeoutException)
            {
            }
        }

        try
        {
            await _reader.WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
        }
    }

    private async Task ReadLoopAsync()
    {
        var stream = _toClient.Reader.AsStream();
        while (await ReadMessageAsync(stream) is { } message)
        {
            if (message["method"] is { } method)
            {
                if (message["id"] is { } id)
                {
                    ServerRequests.Enqueue(message);
                    try
                    {
                        await AnswerServerRequestAsync(method.GetValue<string>(), id.DeepClone());
                    }
                    catch (InvalidOperationException) when (_disposing)
                    {
                        // The test already closed the client's side: the server's request goes unanswered, as when
                        // an editor quits.
                    }
                }
                else
                {
                    if (KeepNotifications) Notifications.Enqueue(message);
                    if (method.GetValue<string>() == "textDocument/publishDiagnostics" && message["params"] is JsonObject parameters) Record(parameters);
                }
            }
            else if (message.ContainsKey("id") && message["id"] is null)
            {
                // A response the server could not tie to a request (e.g. a parse error).
                UnexpectedResponses.Add(message.ToJsonString());
            }
            else if (message["id"] is { } id)
            {
                string key = id.GetValueKind() == JsonValueKind.String ? id.GetValue<string>() : id.ToJsonString();
                if (!_responses.TryRemove(key, out var completion) || !completion.TrySetResult(message)) UnexpectedResponses.Add(message.ToJsonString());
            }
        }
    }

    private void Record(JsonObject parameters)
    {
        var ready = new List<TaskCompletionSource<JsonObject>>();
        lock (_gate)
        {
            _diagnostics[parameters["uri"]!.GetValue<string>()] = parameters;
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (!_waiters[i].Predicate(parameters)) continue;
                ready.Add(_waiters[i].Completion);
                _waiters.RemoveAt(i);
            }
        }

        foreach (var completion in ready) completion.TrySetResult(parameters);
    }

    private Task AnswerServerRequestAsync(string method, JsonNode id)
    {
        JsonNode? result = method switch
        {
            "workspace/configuration" => new JsonArray(Settings?.DeepClone()),
            _ => null,
        };
        return SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["result"] = result });
    }

    private static async Task<JsonObject?> ReadMessageAsync(Stream stream)
    {
        int length = -1;
        var line = new StringBuilder();
        while (true)
        {
            int b = await ReadByteAsync(stream);
            if (b < 0) return null;
            if (b == '\n')
            {
                string header = line.ToString().TrimEnd('\r');
                line.Clear();
                if (header.Length == 0) break;
                if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(header.Substring(15).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }

            line.Append((char)b);
        }

        var body = new byte[length];
        await stream.ReadExactlyAsync(body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static async Task<int> ReadByteAsync(Stream stream)
    {
        var one = new byte[1];
        int read = await stream.ReadAsync(one);
        return read == 0 ? -1 : one[0];
    }
}
