using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wit.DebugAdapter.Protocol;

namespace Wit.DebugAdapter.Session;

/// <summary>
/// One debug session over a DAP channel: the request loop, the session's state (initialized, launched,
/// configuration done, started) and the dispatch to the handlers in the other parts of this class. Requests are
/// handled one at a time on the loop; none waits for the program, which runs on its own thread
/// (<see cref="IDebuggee"/>) and reports through <see cref="IDebuggeeEvents"/>. A handler's failure is an error response;
/// the session ends only when the input ends or after <c>disconnect</c>.
/// </summary>
internal sealed partial class DebugSession : IDebuggeeEvents
{
    private const int ThreadId = 1;

    private readonly DapChannel _channel;
    private readonly Action<string>? _log;
    private readonly BreakpointTable _breakpoints = new();
    private IDebuggee? _debuggee;
    /// <summary>Set by a handler: what to do once its response is written.</summary>
    private Action? _afterResponse;
    private bool _initialized, _configurationDone, _disconnected, _stopOnEntry, _terminatedSent;
    private bool _stopOnTraps = true;
    private int _lineBase = 1, _columnBase = 1;

    public DebugSession(Stream input, Stream output, Action<string>? log = null)
    {
        _channel = new DapChannel(input, output, log);
        _log = log;
    }

    /// <summary>Reads and handles requests until the input ends or the client disconnects; then ends the program.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            while (!_disconnected)
            {
                var next = await _channel.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (next is not { } message)
                {
                    break;
                }
                if (message.Message is not { } request)
                {
                    _log?.Invoke("Skipped a message: " + message.Error);
                    continue;
                }
                Handle(request);
            }
        }
        finally
        {
            _debuggee?.Terminate();
        }
    }

    private void Handle(JsonObject message)
    {
        int seq = message["seq"] is JsonValue s && s.TryGetValue<int>(out int n) ? n : 0;
        string? type = message["type"] is JsonValue t && t.TryGetValue<string>(out var ts) ? ts : null;
        string? command = message["command"] is JsonValue c && c.TryGetValue<string>(out var cs) ? cs : null;
        if (type != "request" || command == null)
        {
            if (type == "request" || seq != 0)
            {
                _channel.RespondError(seq, command ?? "", "a request needs a 'seq', 'type': 'request' and a 'command'");
            }
            _log?.Invoke($"Skipped a message that is not a request (type '{type}').");
            return;
        }
        var args = message["arguments"] as JsonObject;
        try
        {
            if (message["arguments"] is JsonNode a && args == null)
            {
                throw new RequestException("'arguments' must be an object");
            }
            if (!_initialized && command != "initialize" && command != "disconnect")
            {
                throw new RequestException($"'{command}' before 'initialize'");
            }
            _afterResponse = null;
            var body = Dispatch(command, args);
            _channel.Respond(seq, command, body);
            // What the request sets going (the program resuming, its start, its end) follows the response, so that no
            // event it causes (stopped, exited) reaches the client before the response does.
            _afterResponse?.Invoke();
        }
        catch (RequestException e)
        {
            _channel.RespondError(seq, command, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug of a handler must not end the session: the client sees it as an error response.
            _log?.Invoke($"'{command}' failed: {e}");
            _channel.RespondError(seq, command, $"'{command}' failed: {e.GetType().Name}: {e.Message}");
        }
    }

    private JsonNode? Dispatch(string command, JsonObject? args) => command switch
    {
        "initialize" => Initialize(args),
        "launch" => Launch(args),
        "attach" => throw new RequestException("attach is not supported: launch a program"),
        "configurationDone" => ConfigurationDone(),
        "threads" => new JsonObject { ["threads"] = new JsonArray(new JsonObject { ["id"] = ThreadId, ["name"] = "main" }) },
        "continue" => Resume(args, ResumeKind.Continue),
        "next" => Resume(args, ResumeKind.StepOver),
        "stepIn" => Resume(args, ResumeKind.StepIn),
        "stepOut" => Resume(args, ResumeKind.StepOut),
        "pause" => Pause(),
        "stackTrace" => StackTrace(args),
        "scopes" => Scopes(args),
        "variables" => Variables(args),
        "evaluate" => Evaluate(args),
        "source" => Source(args),
        "setBreakpoints" => SetBreakpoints(args),
        "setFunctionBreakpoints" => SetFunctionBreakpoints(args),
        "setInstructionBreakpoints" => SetInstructionBreakpoints(args),
        "setExceptionBreakpoints" => SetExceptionBreakpoints(args),
        "exceptionInfo" => ExceptionInfo(),
        "readMemory" => ReadMemory(args),
        "writeMemory" => WriteMemory(args),
        "disassemble" => Disassemble(args),
        "witComponentInstances" => ComponentInstances(),
        "terminate" => Terminate(),
        "disconnect" => Disconnect(),
        _ => throw new RequestException($"unknown request '{command}'"),
    };

    private JsonNode Initialize(JsonObject? args)
    {
        if (_initialized)
        {
            throw new RequestException("'initialize' was sent already");
        }
        _lineBase = args?["linesStartAt1"] is JsonValue l && l.TryGetValue<bool>(out bool l1) && !l1 ? 0 : 1;
        _columnBase = args?["columnsStartAt1"] is JsonValue c && c.TryGetValue<bool>(out bool c1) && !c1 ? 0 : 1;
        _initialized = true;
        return new JsonObject
        {
            ["supportsConfigurationDoneRequest"] = true,
            ["supportsFunctionBreakpoints"] = true,
            ["supportsConditionalBreakpoints"] = true,
            ["supportsHitConditionalBreakpoints"] = true,
            ["supportsInstructionBreakpoints"] = true,
            ["supportsSteppingGranularity"] = true,
            ["supportsReadMemoryRequest"] = true,
            ["supportsWriteMemoryRequest"] = true,
            ["supportsDisassembleRequest"] = true,
            ["supportsExceptionInfoRequest"] = true,
            ["supportsTerminateRequest"] = true,
            ["supportTerminateDebuggee"] = true,
            ["supportsEvaluateForHovers"] = true,
            ["exceptionBreakpointFilters"] = new JsonArray(new JsonObject
            {
                ["filter"] = "traps",
                ["label"] = "WebAssembly traps",
                ["description"] = "Stop when the program traps, with the wasm stack, before it ends",
                ["default"] = true,
            }),
        };
    }

    private JsonNode? ConfigurationDone()
    {
        _configurationDone = true;
        _afterResponse = StartWhenReady;
        return null;
    }

    private void StartWhenReady()
    {
        if (_configurationDone && _debuggee is { } d)
        {
            d.Start(_stopOnEntry);
        }
    }

    private JsonNode? Terminate()
    {
        var debuggee = _debuggee;
        _afterResponse = debuggee == null || debuggee.HasEnded ? SendTerminated : debuggee.Terminate;
        return null;
    }

    private JsonNode? Disconnect()
    {
        _afterResponse = () => _debuggee?.Terminate();
        _disconnected = true;
        return null;
    }

    private IDebuggee Launched() => _debuggee ?? throw new RequestException("no program is launched yet");

    private StopState Stopped() => Launched().Stop ?? throw new RequestException("the program is not stopped");

    public void Stopped(StopState stop)
    {
        var body = new JsonObject
        {
            ["reason"] = stop.Reason,
            ["threadId"] = ThreadId,
            ["allThreadsStopped"] = true,
        };
        if (stop.Description != null)
        {
            body["description"] = stop.Reason == "exception" ? "Trap" : stop.Description;
            body["text"] = stop.Description;
        }
        if (stop.HitBreakpointIds.Count > 0)
        {
            var ids = new JsonArray();
            foreach (var id in stop.HitBreakpointIds)
            {
                ids.Push(JsonValue.Create(id));
            }
            body["hitBreakpointIds"] = ids;
        }
        _channel.Event("stopped", body);
    }

    public void Output(string category, string text) =>
        _channel.Event("output", new JsonObject { ["category"] = category, ["output"] = text });

    public void Exited(int exitCode)
    {
        _channel.Event("exited", new JsonObject { ["exitCode"] = exitCode });
        SendTerminated();
    }

    private void SendTerminated()
    {
        lock (_breakpoints)
        {
            if (_terminatedSent)
            {
                return;
            }
            _terminatedSent = true;
        }
        _channel.Event("terminated");
    }
}
