using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wit.DebugAdapter.Session;
using Wit.Protocol;
using Xunit;

namespace Wit.DebugAdapter.Tests;

/// <summary>
/// A DAP client talking to an in-process <see cref="DebugSession"/> over in-memory pipes, with real framing: it sends
/// requests, waits for their responses, and hands out the events in the order they came (each taken once).
/// </summary>
internal sealed class DapTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly Pipe _toServer = new();
    private readonly Pipe _toClient = new();
    private readonly Stream _output;
    private readonly List<JsonObject> _messages = new();
    private readonly HashSet<int> _taken = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _server;
    private readonly Task _reader;
    private int _seq;

    public DapTestClient()
    {
        _output = _toServer.Writer.AsStream();
        var session = new DebugSession(_toServer.Reader.AsStream(), _toClient.Writer.AsStream());
        _server = Task.Run(async () =>
        {
            await session.RunAsync();
            await _toClient.Writer.CompleteAsync();
        });
        _reader = Task.Run(ReadAsync);
    }

    public static string Programs(string file) => Path.Combine(RepoPaths.Root, "tests", "Wit.DebugAdapter.Tests", "Programs", file);

    public static string Debuggee => Programs("debuggee.wasm");

    public static string DebuggeeSource => Programs("debuggee.c");

    /// <summary>debuggee.wasm made a WASI 0.2 command component (jco's preview1 adapter): its core module keeps the DWARF.</summary>
    public static string DebuggeeComponent => Programs("debuggee-component.wasm");

    /// <summary>Every message from the adapter so far.</summary>
    public IReadOnlyList<JsonObject> Messages
    {
        get
        {
            lock (_messages)
            {
                return _messages.ToArray();
            }
        }
    }

    private async Task ReadAsync()
    {
        var framer = new MessageFramer(_toClient.Reader, null, int.MaxValue);
        while (await framer.ReadMessageAsync(CancellationToken.None) is { } body)
        {
            lock (_messages)
            {
                _messages.Add((JsonObject)JsonNode.Parse(body)!);
            }
            _arrived.Release();
        }
    }

    public void SendRaw(string text)
    {
        _output.Write(Encoding.UTF8.GetBytes(text));
        _output.Flush();
    }

    public void SendBody(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        SendRaw($"Content-Length: {bytes.Length}\r\n\r\n");
        _output.Write(bytes);
        _output.Flush();
    }

    /// <summary>Sends a request and returns its response (successful or not).</summary>
    public async Task<JsonObject> TryRequest(string command, JsonObject? arguments = null)
    {
        int seq = Interlocked.Increment(ref _seq);
        var request = new JsonObject { ["seq"] = seq, ["type"] = "request", ["command"] = command };
        if (arguments != null)
        {
            request["arguments"] = arguments;
        }
        SendBody(request.ToJsonString());
        return await Take(m => (string?)m["type"] == "response" && (int?)m["request_seq"] == seq, $"the response to '{command}'");
    }

    /// <summary>Sends a request and returns the body of its successful response.</summary>
    public async Task<JsonObject?> Request(string command, JsonObject? arguments = null)
    {
        var response = await TryRequest(command, arguments);
        Assert.True((bool?)response["success"] == true, $"'{command}' failed: {response["message"]}");
        Assert.Equal(command, (string?)response["command"]);
        return response["body"] as JsonObject;
    }

    /// <summary>The next event named <paramref name="name"/> not taken yet (waiting for it).</summary>
    public async Task<JsonObject> Event(string name) =>
        (JsonObject)(await Take(m => (string?)m["type"] == "event" && (string?)m["event"] == name, $"the event '{name}'"))["body"]!
        ?? new JsonObject();

    /// <summary>The next event named <paramref name="name"/>, body or not.</summary>
    /// <summary>The next event named one of <paramref name="names"/> not taken yet (waiting for it), whole.</summary>
    public async Task<JsonObject> NextEvent(params string[] names) =>
        await Take(m => (string?)m["type"] == "event" && Array.IndexOf(names, (string?)m["event"]) >= 0, "the event " + string.Join(" or ", names));

    public async Task<JsonObject> EventMessage(string name) =>
        await Take(m => (string?)m["type"] == "event" && (string?)m["event"] == name, $"the event '{name}'");

    private async Task<JsonObject> Take(Func<JsonObject, bool> match, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            lock (_messages)
            {
                for (int i = 0; i < _messages.Count; i++)
                {
                    if (!_taken.Contains(i) && match(_messages[i]))
                    {
                        _taken.Add(i);
                        return _messages[i];
                    }
                }
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException($"no {what} within {Timeout.TotalSeconds} s; messages: " + string.Join("\n", System.Linq.Enumerable.Select(Messages, m => m.ToJsonString())));
            }
        }
    }

    /// <summary>All output events' text of a category so far.</summary>
    public string Output(string category)
    {
        var text = new StringBuilder();
        foreach (var m in Messages)
        {
            if ((string?)m["event"] == "output" && (string?)m["body"]!["category"] == category)
            {
                text.Append((string?)m["body"]!["output"]);
            }
        }
        return text.ToString();
    }

    /// <summary>initialize, launch (with <paramref name="launch"/>'s extra arguments) and the initialized event.</summary>
    public async Task<JsonObject> Launch(string program, JsonObject? launch = null)
    {
        var capabilities = await Request("initialize", new JsonObject { ["adapterID"] = "wit", ["linesStartAt1"] = true, ["columnsStartAt1"] = true });
        var args = launch ?? new JsonObject();
        args["program"] = program;
        await Request("launch", args);
        await EventMessage("initialized");
        return capabilities!;
    }

    public async ValueTask DisposeAsync()
    {
        await _toServer.Writer.CompleteAsync();
        await Task.WhenAny(_server, Task.Delay(Timeout));
        await Task.WhenAny(_reader, Task.Delay(Timeout));
    }
}
