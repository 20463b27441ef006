using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using Wit.DebugAdapter.Protocol;
using Wit.DebugAdapter.Wasm;
using Wit.Runtime;
using Wit.Runtime.Binary;
using Wit.Runtime.Validation;

namespace Wit.DebugAdapter.Session;

internal sealed partial class DebugSession
{
    /// <summary>
    /// <c>launch</c>: <c>program</c> (a core .wasm, relative to <c>cwd</c>), <c>args</c>, <c>env</c>, <c>cwd</c>,
    /// <c>preopens</c>, <c>stopOnEntry</c>. The module is read, decoded and validated here, so a bad program is an
    /// error response; it starts once <c>configurationDone</c> has come too.
    /// </summary>
    private JsonNode? Launch(JsonObject? args)
    {
        if (_debuggee != null)
        {
            throw new RequestException("a program is launched already");
        }
        string program = Args.RequiredString(args, "program");
        string cwd = Args.String(args, "cwd") ?? Directory.GetCurrentDirectory();
        var argv = new List<string> { program };
        argv.AddRange(Args.Strings(args, "args"));
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Args.Object(args, "env") is { } envObject)
        {
            foreach (var (key, value) in envObject)
            {
                env[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new RequestException($"the environment variable '{key}' must be a string");
            }
        }
        _stopOnEntry = Args.Bool(args, "stopOnEntry");

        string path;
        byte[] bytes;
        try
        {
            path = Path.GetFullPath(Path.Combine(cwd, program));
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new RequestException($"cannot read the program '{program}': {e.Message}");
        }
        if (bytes.Length >= 8 && bytes[0] == 0 && bytes[1] == (byte)'a' && bytes[2] == (byte)'s' && bytes[3] == (byte)'m' && bytes[6] == 1 && bytes[7] == 0 && bytes[4] != 1)
        {
            // A component (layer 1). Its launch is another IDebuggee; this adapter debugs core modules so far.
            throw new RequestException($"'{program}' is a component; this debugger runs core modules (components come later)");
        }
        WasmModule module;
        try
        {
            module = ModuleDecoder.Decode(bytes);
            ModuleValidator.Validate(module);
        }
        catch (WasmException e)
        {
            throw new RequestException($"'{program}' is not a valid core module: {e.Message}");
        }
        var image = new ProgramImage(module, path);
        var debuggee = new CoreDebuggee(image, argv, env, _breakpoints, this) { StopOnTraps = _stopOnTraps };
        _debuggee = debuggee;
        if (args?["preopens"] is JsonNode preopens && !(preopens is JsonObject { Count: 0 } || preopens is JsonArray { Count: 0 }))
        {
            Output("console", "preopens are ignored: the WASI layer has no file system yet\n");
        }
        if (image.Lines?.Problems is { Count: > 0 } problems)
        {
            Output("console", "DWARF: " + string.Join("; ", problems) + "\n");
        }
        _afterResponse = () =>
        {
            // Configuration requests (breakpoints) are welcome from now on: they need the program's code.
            _channel.Event("initialized");
            StartWhenReady();
        };
        return null;
    }

    private JsonNode? SetExceptionBreakpoints(JsonObject? args)
    {
        var filters = Args.Strings(args, "filters");
        foreach (var f in filters)
        {
            if (f != "traps")
            {
                throw new RequestException($"unknown exception filter '{f}' (the adapter has 'traps')");
            }
        }
        _stopOnTraps = filters.Contains("traps");
        if (_debuggee is CoreDebuggee core)
        {
            core.StopOnTraps = _stopOnTraps;
        }
        return null;
    }
}
