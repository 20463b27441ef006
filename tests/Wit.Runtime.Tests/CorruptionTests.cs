using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Wit.Runtime.Binary;
using Wit.Runtime.Execution;
using Wit.Runtime.Tests.Spec;
using Xunit;
using Xunit.Abstractions;

namespace Wit.Runtime.Tests;

/// <summary>
/// Byte-mutated spec modules through the decoder and validator (and, when a mutant is still valid, instantiation and a
/// fuel-limited run of its exports): the runtime may only ever throw its own <see cref="WasmException"/>.
/// </summary>
public sealed class CorruptionTests
{
    private const int Mutants = 20_000;
    private readonly ITestOutputHelper _output;

    public CorruptionTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Mutated_spec_modules_only_ever_raise_the_runtime_error_type()
    {
        var modules = SpecCorpus.AllNames().Where(n => !SpecCorpus.IsSimd(n))
            .SelectMany(n => Directory.GetFiles(Path.GetDirectoryName(SpecCorpus.Json(n))!, "*.wasm"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .Where(b => b.Length > 8)
            .ToList();
        Assert.True(modules.Count > 1000, $"only {modules.Count} spec modules found");

        var random = new Random(17);
        var failures = new List<string>();
        var outcomes = new Dictionary<string, int>();
        for (int i = 0; i < Mutants; i++)
        {
            var original = modules[random.Next(modules.Count)];
            var mutant = Mutate(original, random);
            string outcome;
            try
            {
                outcome = Exercise(mutant);
            }
            catch (WasmException e)
            {
                outcome = e.Kind.ToString();
            }
            catch (Exception e)
            {
                outcome = "crash";
                if (failures.Count < 20)
                {
                    failures.Add($"mutant {i}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}\n{Convert.ToHexString(mutant)}");
                }
            }
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        _output.WriteLine($"{Mutants} mutants of {modules.Count} modules: " + string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}")));
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        // The mutants must reach past the decoder: some are invalid and some still valid.
        Assert.True(outcomes.GetValueOrDefault(nameof(WasmErrorKind.Invalid)) > 100);
        Assert.True(outcomes.GetValueOrDefault("valid") > 100);
    }

    private static string Exercise(byte[] bytes)
    {
        var module = ModuleDecoder.Decode(bytes);
        Validation.ModuleValidator.Validate(module);
        var store = new Store(new StoreLimits { Fuel = 20_000, MaxCallDepth = 500, MaxMemoryPages = 16 });
        var spectest = SpecTestModule.Create();
        Instance inst;
        try
        {
            inst = store.Instantiate(module, im => im.Module == "spectest" ? spectest.GetValueOrDefault(im.Name) : null);
        }
        catch (WasmException)
        {
            return "valid";
        }
        foreach (var export in inst.Exports.Values.OfType<FunctionInstance>())
        {
            var args = export.Type.Params.Select(t => new WasmValue(t, 0)).ToArray();
            try
            {
                store.Invoke(export, args);
            }
            catch (WasmTrapException)
            {
                // Traps are expected results of running mutants.
            }
            store.Fuel = 20_000;
        }
        return "valid";
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        int edits = 1 + random.Next(3);
        for (int e = 0; e < edits && bytes.Count > 8; e++)
        {
            // Mutations after the 8-byte header (mutating it only tests the magic check).
            int at = 8 + random.Next(bytes.Count - 8);
            // In-place edits dominate: they keep section sizes intact, so more mutants reach the validator.
            switch (random.Next(12))
            {
                case <= 4: bytes[at] = (byte)random.Next(256); break;
                case <= 7: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 8: bytes[at] = random.Next(2) == 0 ? (byte)0x80 : (byte)0xFF; break;
                case 9: bytes.RemoveAt(at); break;
                case 10:
                    if (random.Next(4) == 0)
                    {
                        bytes.RemoveRange(at, bytes.Count - at);
                    }
                    else
                    {
                        bytes.Insert(at, (byte)random.Next(256));
                    }
                    break;
                default:
                    {
                        int length = Math.Min(1 + random.Next(16), bytes.Count - at);
                        bytes.InsertRange(at, bytes.GetRange(at, length));
                        break;
                    }
            }
        }
        return bytes.ToArray();
    }
}
