using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Runtime.Component;
using Xunit;
using Xunit.Abstractions;

namespace Wit.Runtime.Tests.Components;

/// <summary>
/// Byte-mutated binaries of the component-model corpus's valid components through <see cref="ComponentDecoder"/>:
/// the decoder may only ever throw <see cref="WasmException"/>.
/// </summary>
public sealed class ComponentCorruptionTests
{
    private const int Mutants = 20_000;
    private readonly ITestOutputHelper _output;

    public ComponentCorruptionTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Mutated_components_only_ever_raise_the_runtime_error_type()
    {
        var originals = ComponentCorpusTests.All
            .Where(o => o.Result == "accepted" && o.Case.Expect == WastExpectation.Valid)
            .Select(o => o.Bytes!)
            .Where(b => b.Length > 8)
            .ToList();
        Assert.True(originals.Count > 150, $"only {originals.Count} components");
        var random = new Random(23);
        var outcomes = new Dictionary<string, int>();
        var crashes = new List<string>();
        for (int i = 0; i < Mutants; i++)
        {
            var mutant = (byte[])originals[random.Next(originals.Count)].Clone();
            int edits = 1 + random.Next(4);
            for (int k = 0; k < edits; k++)
            {
                int at = 8 + random.Next(mutant.Length - 8);
                mutant[at] = random.Next(3) switch
                {
                    0 => (byte)random.Next(256),
                    1 => (byte)(mutant[at] ^ (1 << random.Next(8))),
                    _ => (byte)(mutant[at] + (random.Next(2) == 0 ? 1 : -1)),
                };
            }
            if (random.Next(10) == 0)
            {
                mutant = mutant[..(8 + random.Next(mutant.Length - 8))];
            }
            string outcome;
            try
            {
                ComponentDecoder.Decode(mutant);
                outcome = "valid";
            }
            catch (WasmException e)
            {
                outcome = e.Kind.ToString();
                Assert.InRange(e.Offset, 0, mutant.Length);
            }
            catch (Exception e)
            {
                outcome = "crash";
                if (crashes.Count < 10)
                {
                    crashes.Add($"mutant {i}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}\n{Convert.ToHexString(mutant)}");
                }
            }
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        _output.WriteLine(string.Join(", ", outcomes.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")));
        Assert.True(crashes.Count == 0, string.Join("\n\n", crashes));
    }
}
