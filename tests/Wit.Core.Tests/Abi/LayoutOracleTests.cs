using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Wit.Core.Abi;
using Wit.Core.Semantics;
using Wit.Core.Tests.TestKit;
using Wit.Core.Workspace;
using Xunit;
using Xunit.Abstractions;

namespace Wit.Core.Tests.Abi;

/// <summary>
/// The Canonical ABI engine against the spec's Python reference: every type's size, alignment and flat types, and
/// every function's five core signatures, for memory32 and memory64
/// (component-model-spec/cabi-oracle/layout-oracle.json). Each oracle type is written as WIT, resolved, and asked.
/// </summary>
public sealed class LayoutOracleTests
{
    private static readonly Dictionary<string, AbiVariant> Variants = new()
    {
        ["sync-lift"] = AbiVariant.SyncLift,
        ["sync-lower"] = AbiVariant.SyncLower,
        ["async-lift-callback"] = AbiVariant.AsyncLiftCallback,
        ["async-lift-stackful"] = AbiVariant.AsyncLiftStackful,
        ["async-lower"] = AbiVariant.AsyncLower,
    };

    private readonly ITestOutputHelper _output;

    public LayoutOracleTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void EveryOracleEntryAgrees()
    {
        using var oracle = JsonDocument.Parse(File.ReadAllText(Corpus.PathOf("component-model-spec", "cabi-oracle", "layout-oracle.json")));
        var types = oracle.RootElement.GetProperty("types").EnumerateArray().ToList();
        var functions = oracle.RootElement.GetProperty("functions").EnumerateArray().ToList();
        var declarations = new List<string> { "resource res;" };
        var text = new StringBuilder("package oracle:abi;\ninterface i {\n");
        for (int i = 0; i < types.Count; i++) text.Append($"  type t{i} = {ToWit(types[i].GetProperty("type").GetString()!, declarations)};\n");
        for (int i = 0; i < functions.Count; i++)
        {
            var parameters = functions[i].GetProperty("params").EnumerateArray().Select((p, j) => $"p{j}: {ToWit(p.GetString()!, declarations)}");
            var results = functions[i].GetProperty("results").EnumerateArray().Select(r => ToWit(r.GetString()!, declarations)).ToList();
            text.Append($"  f{i}: func({string.Join(", ", parameters)}){(results.Count > 0 ? " -> " + results[0] : string.Empty)};\n");
        }

        foreach (var declaration in declarations) text.Append("  ").Append(declaration).Append('\n');
        text.Append("}\n");
        var model = WitResolver.Resolve(new InMemoryFileSystem().Add("/oracle.wit", text.ToString()), "/oracle.wit");
        Assert.Empty(model.Diagnostics);
        var @interface = model.Interfaces.Single(x => x.Name == "i");

        int agree = 0;
        var disagreements = new List<string>();
        foreach (var (memory64, key) in new[] { (false, "ptr32"), (true, "ptr64") })
        {
            var abi = new CanonicalAbi(memory64);
            for (int i = 0; i < types.Count; i++)
            {
                @interface.Types.TryGetValue($"t{i}", out var definition);
                var expected = types[i].GetProperty(key);
                var layout = abi.Layout(definition!);
                var flat = abi.Flatten(WitType.Of(definition!));
                string actual = $"size {layout?.Size} align {layout?.Alignment} flat {Names(flat?.Values)}";
                string wanted = $"size {expected.GetProperty("size").GetInt64()} align {expected.GetProperty("align").GetInt32()} flat {string.Join(" ", expected.GetProperty("flat").EnumerateArray().Select(v => v.GetString()))}";
                if (actual == wanted) agree++;
                else disagreements.Add($"{key} {types[i].GetProperty("type")}: expected {wanted}, got {actual}");
            }

            for (int i = 0; i < functions.Count; i++)
            {
                @interface.Functions.TryGetValue($"f{i}", out var function);
                foreach (var (name, variant) in Variants)
                {
                    var expected = functions[i].GetProperty(key).GetProperty(name);
                    var signature = abi.Signature(function!, variant);
                    string actual = $"{Names(signature?.Parameters)} -> {Names(signature?.Results)}";
                    string wanted = $"{string.Join(" ", expected.GetProperty("params").EnumerateArray().Select(v => v.GetString()))} -> {string.Join(" ", expected.GetProperty("results").EnumerateArray().Select(v => v.GetString()))}";
                    if (actual == wanted) agree++;
                    else disagreements.Add($"{key} {functions[i].GetProperty("name")} {name}: expected {wanted}, got {actual}");
                }
            }
        }

        _output.WriteLine($"layout oracle: {agree} entries agree, {disagreements.Count} disagree");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
        Assert.Equal((types.Count + functions.Count * Variants.Count) * 2, agree);
    }

    private static string Names(IReadOnlyList<CoreValueType>? values) => values is null ? "<none>" : string.Join(" ", values.Select(CoreValueTypes.Name));

    /// <summary>The oracle's type notation as WIT: <c>record{...}</c>, <c>enum*N</c>, bare <c>own</c>/<c>borrow</c> become declarations or handles of <c>res</c>.</summary>
    private static string ToWit(string type, List<string> declarations)
    {
        var counted = Regex.Match(type, @"^(enum|variant|flags)\*(\d+)$");
        if (counted.Success)
        {
            string name = $"g{declarations.Count}";
            var cases = Enumerable.Range(0, int.Parse(counted.Groups[2].Value)).Select(i => $"c{i}");
            declarations.Add($"{counted.Groups[1].Value} {name} {{ {string.Join(", ", cases)} }}");
            return name;
        }

        var inline = Regex.Match(type, @"^(record|variant|enum|flags)\{(.*)\}$");
        if (inline.Success)
        {
            string name = $"g{declarations.Count}";
            declarations.Add($"{inline.Groups[1].Value} {name} {{ {inline.Groups[2].Value} }}");
            return name;
        }

        type = Regex.Replace(type, @"\bown\b(?!<)", "own<res>");
        return Regex.Replace(type, @"\bborrow\b(?!<)", "borrow<res>");
    }
}
