using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using Wit.DebugAdapter.Protocol;
using Wit.DebugAdapter.Wasm;
using Wit.Runtime;
using Wit.Runtime.Binary;
using Wit.Runtime.Component;
using Wit.Runtime.Validation;

namespace Wit.DebugAdapter.Session;

internal sealed partial class DebugSession
{
    /// <summary>
    /// <c>launch</c>: <c>program</c> (a core module or a WASI 0.2 command component, relative to <c>cwd</c>), <c>args</c>, <c>env</c>, <c>cwd</c>,
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
        WasmDebuggee debuggee;
        ProgramImage image;
        if (ComponentDecoder.IsComponent(bytes))
        {
            WasmComponent component;
            try
            {
                component = ComponentDecoder.Decode(bytes);
            }
            catch (WasmException e)
            {
                throw new RequestException($"'{program}' is not a valid component: {e.Message}");
            }
            var module = ComponentDebuggee.ImageModule(component) ?? throw new RequestException($"'{program}' is a component without core code: there is nothing to debug");
            image = new ProgramImage(module, path);
            debuggee = new ComponentDebuggee(component, image, argv, env, Preopens(args, cwd), _breakpoints, this) { StopOnTraps = _stopOnTraps };
        }
        else
        {
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
            image = new ProgramImage(module, path);
            debuggee = new CoreDebuggee(image, argv, env, Preopens(args, cwd), _breakpoints, this) { StopOnTraps = _stopOnTraps };
        }
        _debuggee = debuggee;
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

    /// <summary>
    /// <c>preopens</c>: directories the program sees, as an object (guest path to host directory, as node:wasi takes
    /// them) or an array of <c>"host"</c> (seen under the same path) and <c>"host::guest"</c> (as Wasmtime's
    /// <c>--dir</c>); host directories relative to <c>cwd</c>, and each must exist.
    /// </summary>
    private static List<(string Guest, string Host)> Preopens(JsonObject? args, string cwd)
    {
        var result = new List<(string Guest, string Host)>();
        switch (args?["preopens"])
        {
            case null:
                break;
            case JsonObject map:
                foreach (var (guest, host) in map)
                {
                    result.Add((guest, host is JsonValue v && v.TryGetValue<string>(out var h) ? h : throw new RequestException($"the preopen '{guest}' must name a host directory (a string)")));
                }
                break;
            case JsonArray:
                foreach (var item in Args.Strings(args, "preopens"))
                {
                    int sep = item.IndexOf("::", StringComparison.Ordinal);
                    result.Add(sep < 0 ? (item, item) : (item[(sep + 2)..], item[..sep]));
                }
                break;
            default:
                throw new RequestException("'preopens' must be an object (guest path: host directory) or an array of \"host\" or \"host::guest\"");
        }
        for (int i = 0; i < result.Count; i++)
        {
            var (guest, host) = result[i];
            string full;
            try
            {
                full = Path.GetFullPath(Path.Combine(cwd, host));
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                throw new RequestException($"the preopen '{host}' is not a path: {e.Message}");
            }
            if (guest.Length == 0 || !Directory.Exists(full))
            {
                throw new RequestException(guest.Length == 0 ? $"the preopen of '{host}' has an empty guest path" : $"the preopened directory '{host}' does not exist");
            }
            result[i] = (guest, full);
        }
        return result;
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
        if (_debuggee is WasmDebuggee core)
        {
            core.StopOnTraps = _stopOnTraps;
        }
        return null;
    }
}
