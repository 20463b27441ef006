using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Wit.Runtime.Binary;
using Wit.Runtime.Text;
using Wit.Runtime.Validation;
using Xunit;
using Xunit.Abstractions;

namespace Wit.Runtime.Tests.Spec;

/// <summary>
/// The text parser against wabt's <c>wast2json</c>: every module of the spec's <c>.wast</c> files that wast2json turned
/// into a binary is parsed from its source text by <see cref="WatParser"/>, and the two binaries must be the same bytes,
/// or (where wabt picks another of the equivalent encodings) decode and validate alike.
/// </summary>
public sealed class SpecTextTests
{
    private readonly ITestOutputHelper _output;

    public SpecTextTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Every_converted_module_parses_like_wast2json()
    {
        int identical = 0, equivalent = 0;
        var disagreements = new List<string>();
        var specOverWabt = new List<string>();
        foreach (var name in SpecCorpus.AllNames().Where(n => !SpecCorpus.IsSimd(n)))
        {
            string json = SpecCorpus.Json(name);
            string dir = Path.GetDirectoryName(json)!;
            var source = new WastModuleText(SpecCorpus.WastPath(name));
            using var doc = JsonDocument.Parse(File.ReadAllBytes(json));
            foreach (var cmd in doc.RootElement.GetProperty("commands").EnumerateArray())
            {
                if (!cmd.TryGetProperty("filename", out var file) || !file.GetString()!.EndsWith(".wasm", StringComparison.Ordinal))
                {
                    continue;
                }
                int line = cmd.GetProperty("line").GetInt32();
                byte[] expected = File.ReadAllBytes(Path.Combine(dir, file.GetString()!));
                byte[]? text = source.ModuleAt(line);
                string where = $"{name}.wast:{line}";
                if (text == null)
                {
                    disagreements.Add($"{where}: no module text found");
                    continue;
                }
                byte[] actual;
                try
                {
                    actual = WatParser.ParseModule(text);
                }
                catch (WasmException e)
                {
                    disagreements.Add($"{where}: the parser rejected it: {e.Message}");
                    continue;
                }
                if (actual.AsSpan().SequenceEqual(expected))
                {
                    identical++;
                    continue;
                }
                string want = Outcome(expected), got = Outcome(actual);
                if (want == got)
                {
                    equivalent++;
                    _output.WriteLine($"{where}: other bytes, same outcome ({got})");
                }
                else if (cmd.TryGetProperty("text", out var message) && got.Contains($"\"{message.GetString()}\"", StringComparison.Ordinal))
                {
                    // wabt encodes a few modules otherwise than the spec means them (`select (result)` as an untyped
                    // select): ours then gives the spec's expected error where wast2json's binary gives another one.
                    specOverWabt.Add($"{where}: ours {got} as the spec expects; wast2json's binary {want}");
                }
                else
                {
                    disagreements.Add($"{where}: wast2json's binary gives {want}, ours {got}");
                }
            }
        }
        _output.WriteLine($"{identical} byte-identical, {equivalent} equivalent, {specOverWabt.Count} as the spec expects where wabt differs, {disagreements.Count} disagreements");
        foreach (var d in specOverWabt.Concat(disagreements))
        {
            _output.WriteLine(d);
        }
        Assert.True(identical > 1000, $"only {identical} modules were byte-identical");
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreements, first: {disagreements.FirstOrDefault()}");
    }

    internal static string Outcome(byte[] bytes)
    {
        try
        {
            ModuleValidator.Validate(ModuleDecoder.Decode(bytes, WasmFeatures.Wasm2));
            return "valid";
        }
        catch (WasmException e)
        {
            return $"{e.Kind} \"{e.Reason}\"";
        }
    }
}
