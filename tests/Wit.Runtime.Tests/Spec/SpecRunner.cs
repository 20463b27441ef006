using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Wit.Runtime.Binary;
using Wit.Runtime.Execution;
using Wit.Runtime.Text;
using Wit.Runtime.Validation;

namespace Wit.Runtime.Tests.Spec;

/// <summary>The outcome of one spec file: counts, and each failure with its line.</summary>
internal sealed class SpecResult
{
    public int Passed;
    public List<(int Line, string Message)> Failures { get; } = new();
    public Dictionary<string, int> PassedByKind { get; } = new();
}

/// <summary>
/// Runs one wast2json file's commands against the runtime, as the spec's reference interpreter would: modules,
/// registrations, actions and every assertion kind, with the <c>spectest</c> host module. Text-format
/// <c>assert_malformed</c> commands go to <see cref="WatParser"/>, which must reject them.
/// </summary>
internal sealed class SpecRunner
{
    private readonly string _dir;
    private readonly Store _store = new(new StoreLimits { MaxCallDepth = 5_000 });
    private readonly Dictionary<string, Instance> _registered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Instance> _named = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExternValue> _spectest;
    private Instance? _current;

    private SpecRunner(string dir)
    {
        _dir = dir;
        _spectest = SpecTestModule.Create();
    }

    /// <summary>A host reference of the spec's <c>ref.extern N</c>: equal by its number.</summary>
    private sealed record HostRef(ulong N);

    public static SpecResult Run(string jsonPath)
    {
        var runner = new SpecRunner(Path.GetDirectoryName(jsonPath)!);
        var result = new SpecResult();
        using var doc = JsonDocument.Parse(File.ReadAllBytes(jsonPath));
        foreach (var cmd in doc.RootElement.GetProperty("commands").EnumerateArray())
        {
            string type = cmd.GetProperty("type").GetString()!;
            int line = cmd.GetProperty("line").GetInt32();
            bool text = cmd.TryGetProperty("module_type", out var moduleType) && moduleType.GetString() == "text";
            string? failure;
            try
            {
                failure = text ? runner.ExecuteText(type, cmd) : runner.Execute(type, cmd);
            }
            catch (WasmException e)
            {
                failure = $"{type}: unexpected {e.Kind}: {e.Message}";
            }
            catch (Exception e)
            {
                failure = $"{type}: non-runtime exception {e.GetType().Name}: {e.Message} {e.StackTrace?.Split('\n')[0].Trim()}";
            }
            if (failure == null)
            {
                result.Passed++;
                string kind = text ? type + " (text)" : type;
                result.PassedByKind[kind] = result.PassedByKind.GetValueOrDefault(kind) + 1;
            }
            else
            {
                result.Failures.Add((line, failure));
            }
        }
        return result;
    }

    private string? Execute(string type, JsonElement cmd)
    {
        switch (type)
        {
            case "module":
                {
                    _current = null;
                    var inst = Instantiate(Load(cmd));
                    _current = inst;
                    if (cmd.TryGetProperty("name", out var name))
                    {
                        _named[name.GetString()!] = inst;
                    }
                    return null;
                }
            case "register":
                {
                    var inst = cmd.TryGetProperty("name", out var name) ? _named[name.GetString()!] : _current;
                    if (inst == null)
                    {
                        return "register: no module";
                    }
                    _registered[cmd.GetProperty("as").GetString()!] = inst;
                    return null;
                }
            case "action":
                Act(cmd.GetProperty("action"));
                return null;
            case "assert_return":
                {
                    var results = Act(cmd.GetProperty("action"));
                    var expected = cmd.GetProperty("expected").EnumerateArray().ToList();
                    if (results.Length != expected.Count)
                    {
                        return $"expected {expected.Count} results, got {results.Length}";
                    }
                    for (int i = 0; i < results.Length; i++)
                    {
                        string? mismatch = Compare(results[i], expected[i]);
                        if (mismatch != null)
                        {
                            return $"result {i}: {mismatch}";
                        }
                    }
                    return null;
                }
            case "assert_trap":
            case "assert_exhaustion":
                {
                    string text = cmd.GetProperty("text").GetString()!;
                    try
                    {
                        Act(cmd.GetProperty("action"));
                        return $"{type}: expected \"{text}\", no trap";
                    }
                    catch (WasmTrapException e)
                    {
                        var kind = type == "assert_trap" ? WasmErrorKind.Trap : WasmErrorKind.Exhaustion;
                        if (e.Kind != kind || !SameMessage(e.Reason, text))
                        {
                            return $"{type}: expected \"{text}\", got {e.Kind} \"{e.Reason}\"";
                        }
                        return null;
                    }
                }
            case "assert_invalid":
            case "assert_malformed":
                {
                    WasmModule module;
                    try
                    {
                        module = ModuleDecoder.Decode(File.ReadAllBytes(Path.Combine(_dir, cmd.GetProperty("filename").GetString()!)), WasmFeatures.Wasm2);
                        ModuleValidator.Validate(module);
                    }
                    catch (WasmException e) when (e.Kind is WasmErrorKind.Malformed or WasmErrorKind.Invalid)
                    {
                        var kind = type == "assert_malformed" ? WasmErrorKind.Malformed : WasmErrorKind.Invalid;
                        return e.Kind == kind ? null : $"{type}: expected \"{cmd.GetProperty("text").GetString()}\", got {e.Kind} \"{e.Reason}\"";
                    }
                    return $"{type}: expected \"{cmd.GetProperty("text").GetString()}\", the module was accepted";
                }
            case "assert_unlinkable":
            case "assert_uninstantiable":
                {
                    var module = Load(cmd);
                    try
                    {
                        Instantiate(module);
                    }
                    catch (WasmException e)
                    {
                        var kind = type == "assert_unlinkable" ? WasmErrorKind.Unlinkable : WasmErrorKind.Trap;
                        return e.Kind == kind ? null : $"{type}: got {e.Kind} \"{e.Message}\"";
                    }
                    return $"{type}: expected \"{cmd.GetProperty("text").GetString()}\", instantiation succeeded";
                }
            default:
                return $"unknown command {type}";
        }
    }

    /// <summary>
    /// A command whose module wast2json left in the text format (<c>.wat</c>): only <c>assert_malformed</c> has them, and
    /// <see cref="WatParser"/> must reject the text itself (not the binary it would make).
    /// </summary>
    private string? ExecuteText(string type, JsonElement cmd)
    {
        if (type != "assert_malformed")
        {
            return $"{type}: a text module where only assert_malformed has them";
        }
        string expected = cmd.GetProperty("text").GetString()!;
        try
        {
            WatParser.ParseModule(File.ReadAllBytes(Path.Combine(_dir, cmd.GetProperty("filename").GetString()!)));
        }
        catch (WatSyntaxException)
        {
            return null;
        }
        return $"assert_malformed (text): expected \"{expected}\", the parser accepted the text";
    }

    // The spec's messages sometimes say more than ours (or ours more than theirs): one must start with the other.
    private static bool SameMessage(string actual, string expected) =>
        actual.StartsWith(expected, StringComparison.Ordinal) || expected.StartsWith(actual, StringComparison.Ordinal);

    private WasmModule Load(JsonElement cmd)
    {
        var module = ModuleDecoder.Decode(File.ReadAllBytes(Path.Combine(_dir, cmd.GetProperty("filename").GetString()!)), WasmFeatures.Wasm2);
        ModuleValidator.Validate(module);
        return module;
    }

    private Instance Instantiate(WasmModule module) => _store.Instantiate(module, Resolve);

    private ExternValue? Resolve(Import im)
    {
        if (im.Module == "spectest")
        {
            return _spectest.GetValueOrDefault(im.Name);
        }
        return _registered.TryGetValue(im.Module, out var inst) ? inst.Export(im.Name) : null;
    }

    private WasmValue[] Act(JsonElement action)
    {
        var inst = action.TryGetProperty("module", out var m) ? _named[m.GetString()!] : _current
            ?? throw new InvalidOperationException("no current module");
        string field = action.GetProperty("field").GetString()!;
        string kind = action.GetProperty("type").GetString()!;
        if (kind == "get")
        {
            var g = inst.ExportedGlobal(field) ?? throw new InvalidOperationException($"no global {field}");
            return new[] { g.Value };
        }
        var f = inst.ExportedFunction(field) ?? throw new InvalidOperationException($"no function {field}");
        var args = action.GetProperty("args").EnumerateArray().Select(Value).ToArray();
        return _store.Invoke(f, args);
    }

    private WasmValue Value(JsonElement v)
    {
        var type = ParseType(v.GetProperty("type").GetString()!);
        string text = v.GetProperty("value").GetString()!;
        if (type == ValType.ExternRef)
        {
            return text == "null" ? WasmValue.Null(type) : _store.ExternRef(new HostRef(ulong.Parse(text, CultureInfo.InvariantCulture)));
        }
        if (type == ValType.FuncRef)
        {
            return text == "null" ? WasmValue.Null(type) : throw new InvalidOperationException("funcref argument");
        }
        return new WasmValue(type, ulong.Parse(text, CultureInfo.InvariantCulture));
    }

    private string? Compare(WasmValue actual, JsonElement expected)
    {
        var type = ParseType(expected.GetProperty("type").GetString()!);
        if (actual.Type != type)
        {
            return $"type {TypeNames.Of(actual.Type)}, expected {TypeNames.Of(type)}";
        }
        string text = expected.GetProperty("value").GetString()!;
        bool ok;
        switch (text)
        {
            case "nan:canonical":
                ok = type == ValType.F32 ? (actual.Bits & 0x7FFF_FFFF) == 0x7FC0_0000 : (actual.Bits & 0x7FFF_FFFF_FFFF_FFFF) == 0x7FF8_0000_0000_0000;
                break;
            case "nan:arithmetic":
                ok = type == ValType.F32
                    ? (actual.Bits & 0x7FC0_0000) == 0x7FC0_0000
                    : (actual.Bits & 0x7FF8_0000_0000_0000) == 0x7FF8_0000_0000_0000;
                break;
            case "null":
                ok = actual.IsNull;
                break;
            default:
                if (type == ValType.ExternRef)
                {
                    ok = Equals(_store.ExternObject(actual), new HostRef(ulong.Parse(text, CultureInfo.InvariantCulture)));
                }
                else if (type == ValType.FuncRef)
                {
                    ok = !actual.IsNull;
                }
                else
                {
                    ok = actual.Bits == ulong.Parse(text, CultureInfo.InvariantCulture);
                }
                break;
        }
        return ok ? null : $"got {actual} (bits 0x{actual.Bits:x}), expected {text}";
    }

    private static ValType ParseType(string t) => t switch
    {
        "i32" => ValType.I32,
        "i64" => ValType.I64,
        "f32" => ValType.F32,
        "f64" => ValType.F64,
        "funcref" => ValType.FuncRef,
        "externref" => ValType.ExternRef,
        "v128" => ValType.V128,
        _ => throw new InvalidOperationException($"unknown value type {t}"),
    };
}
