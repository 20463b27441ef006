using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Wit.Core.Abi;
using Wit.Core.Semantics;
using Wit.Runtime.Canonical;
using Wit.Runtime.Execution;
using Xunit;
using Xunit.Abstractions;

namespace Wit.Runtime.Tests.Canonical;

/// <summary>
/// Byte vectors from the spec's Python reference (Vectors/cabi-vectors.json, written by scripts/cabi-vectors/gen.py
/// from definitions.py): each value is lowered (flat, stored in memory, or passed as parameters that may spill) and
/// must give the reference's flat values, memory bytes, realloc calls and handle table exactly; lifting back must give
/// the reference's value (or its trap), and lifting corrupted bytes must give the reference's verdict.
/// </summary>
public sealed class CanonicalVectorTests
{
    private static readonly Lazy<Vectors> Data = new(() => new Vectors());

    private readonly ITestOutputHelper _output;

    public CanonicalVectorTests(ITestOutputHelper output) => _output = output;

    private sealed class Vectors
    {
        public Vectors()
        {
            Document = JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("tests", "Wit.Runtime.Tests", "Canonical", "Vectors", "cabi-vectors.json")))!;
            Types = CanonicalJson.ResolveInterface(Document["wit"]!.GetValue<string>(), "types");
        }

        public JsonNode Document { get; }

        public Interface Types { get; }

        public TypeDefinition? Resource(string name) => Types.Types.TryGetValue(name, out var d) ? d : null;

        public WitType Type(string name) => CanonicalJson.TypeNamed(Types, name);
    }

    [Fact]
    public void Round_trips_match_the_reference_byte_for_byte()
    {
        var data = Data.Value;
        var vectors = data.Document["vectors"]!.AsArray();
        var failures = new List<string>();
        int lifted = 0;
        foreach (var vector in vectors)
        {
            try
            {
                if (RoundTrip(data, vector!) is { } problem) failures.Add(problem + " in " + vector!.ToJsonString()[..Math.Min(400, vector.ToJsonString().Length)]);
                else if (vector!["lifted"] is not null) lifted++;
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                failures.Add($"{e.GetType().Name}: {e.Message} in {vector!.ToJsonString()[..Math.Min(400, vector.ToJsonString().Length)]}");
            }
        }

        _output.WriteLine($"{vectors.Count} round-trip vectors, {vectors.Count - failures.Count} pass ({lifted} lifted back), {failures.Count} fail");
        Assert.True(vectors.Count >= 1000, $"only {vectors.Count} vectors");
        Assert.True(failures.Count == 0, $"{failures.Count} of {vectors.Count} vectors differ:\n" + string.Join("\n", failures.Take(8)));
    }

    [Fact]
    public void Lifts_of_corrupted_bytes_match_the_reference()
    {
        var data = Data.Value;
        var lifts = data.Document["lifts"]!.AsArray();
        var failures = new List<string>();
        int traps = 0;
        foreach (var vector in lifts)
        {
            var v = vector!;
            var type = data.Type(v["type"]!.GetValue<string>());
            bool memory64 = v["ptr"]!.GetValue<string>() == "i64";
            int pointerSize = memory64 ? 8 : 4;
            var h = new CanonicalHarness(CanonicalJson.Encoding(v["encoding"]!.GetValue<string>()), memory64, data.Resource("res-local"), data.Resource("res"));
            h.SetMemory(v["memory"]!.AsArray());
            var codec = new CanonicalCodec(new CanonicalAbi(memory64));
            JsonNode? got;
            try
            {
                var value = v["mode"]!.GetValue<string>() == "flat"
                    ? codec.LiftFlat(h.LiftContext, new FlatReader(CanonicalJson.DecodeFlat(v["flat"]!.AsArray())), type)
                    : codec.Load(h.LiftContext, v["at"]!.GetValue<ulong>(), type);
                got = CanonicalJson.Encode(type, value, pointerSize);
            }
            catch (CanonicalTrapException)
            {
                got = JsonValue.Create("trap");
                traps++;
            }
            catch (Exception e)
            {
                got = JsonValue.Create($"{e.GetType().Name}: {e.Message}");
            }

            if (!JsonNode.DeepEquals(got, v["lifted"])) failures.Add($"lifted {got?.ToJsonString()}, the reference {v["lifted"]!.ToJsonString()} in {v.ToJsonString()[..Math.Min(300, v.ToJsonString().Length)]}");
        }

        _output.WriteLine($"{lifts.Count} lift vectors ({traps} traps), {lifts.Count - failures.Count} pass, {failures.Count} fail");
        Assert.True(lifts.Count >= 300, $"only {lifts.Count} lift vectors");
        Assert.True(traps >= 50, $"only {traps} traps among the lift vectors");
        Assert.True(failures.Count == 0, $"{failures.Count} of {lifts.Count} lift vectors differ:\n" + string.Join("\n", failures.Take(8)));
    }

    private static WasmValue Pointer(ulong ptr, bool memory64) => memory64 ? WasmValue.I64((long)ptr) : WasmValue.I32((int)ptr);

    private static string? RoundTrip(Vectors data, JsonNode v)
    {
        var root = data.Type(v["type"]!.GetValue<string>());
        bool memory64 = v["ptr"]!.GetValue<string>() == "i64";
        int pointerSize = memory64 ? 8 : 4;
        string mode = v["mode"]!.GetValue<string>();
        var types = mode == "params" ? Enumerable.Repeat(root, v["arity"]!.GetValue<int>()).ToArray() : new[] { root };
        var h = new CanonicalHarness(CanonicalJson.Encoding(v["encoding"]!.GetValue<string>()), memory64, data.Resource("res-local"), data.Resource("res"));
        var codec = new CanonicalCodec(new CanonicalAbi(memory64));
        var values = mode == "params"
            ? v["value"]!.AsArray().Select((n, i) => CanonicalJson.Decode(types[i], n, pointerSize)).ToArray()
            : new[] { CanonicalJson.Decode(root, v["value"], pointerSize) };

        WasmValue[] flat = Array.Empty<WasmValue>();
        try
        {
            switch (mode)
            {
                case "flat":
                    flat = codec.LowerFlat(h.LowerContext, values[0], root);
                    break;
                case "memory":
                    codec.Store(h.LowerContext, values[0], root, v["at"]!.GetValue<ulong>());
                    break;
                case "results":
                    flat = codec.LowerFlatValues(h.LowerContext, CanonicalCodec.MaxFlatResults, values, types, new FlatReader(Pointer(v["at"]!.GetValue<ulong>(), memory64)));
                    break;
                default:
                    flat = codec.LowerFlatValues(h.LowerContext, CanonicalCodec.MaxFlatParams, values, types);
                    break;
            }
        }
        catch (CanonicalTrapException e)
        {
            return v["lower"]?.GetValue<string>() == "trap" ? null : $"lower trapped ({e.Trap}: {e.Message})";
        }

        if (v["lower"] is not null) return "lower did not trap";
        if (mode != "memory" && !JsonNode.DeepEquals(CanonicalJson.EncodeFlat(flat), v["flat"])) return $"flat {CanonicalJson.EncodeFlat(flat).ToJsonString()}";
        if (!JsonNode.DeepEquals(h.UsedMemory(), v["memory"])) return $"memory {h.UsedMemory().ToJsonString()}";
        if (!JsonNode.DeepEquals(h.RecordedReallocs(), v["reallocs"])) return $"reallocs {h.RecordedReallocs().ToJsonString()}";
        if (!JsonNode.DeepEquals(h.Handles(), v["handles"])) return $"handles {h.Handles().ToJsonString()}";
        if (h.Task.Borrows != v["borrows"]!.GetValue<int>()) return $"borrows {h.Task.Borrows}";
        if (v["lifted"] is not { } expected) return null;

        JsonNode? got;
        try
        {
            switch (mode)
            {
                case "flat":
                    var reader = new FlatReader(flat);
                    got = CanonicalJson.Encode(root, codec.LiftFlat(h.LiftContext, reader, root), pointerSize);
                    if (!reader.Done) return "lift left flat values unread";
                    break;
                case "memory":
                    got = CanonicalJson.Encode(root, codec.Load(h.LiftContext, v["at"]!.GetValue<ulong>(), root), pointerSize);
                    break;
                case "results":
                    var source = new FlatReader(flat.Length > 0 ? flat : new[] { Pointer(v["at"]!.GetValue<ulong>(), memory64) });
                    got = CanonicalJson.Encode(root, codec.LiftFlatValues(h.LiftContext, CanonicalCodec.MaxFlatResults, source, types)[0], pointerSize);
                    if (!source.Done) return "lift left flat values unread";
                    break;
                default:
                    var lifted = codec.LiftFlatValues(h.LiftContext, CanonicalCodec.MaxFlatParams, new FlatReader(flat), types);
                    got = new JsonArray(lifted.Select((x, i) => CanonicalJson.Encode(types[i], x, pointerSize)).ToArray());
                    break;
            }
        }
        catch (CanonicalTrapException)
        {
            got = JsonValue.Create("trap");
        }

        if (!JsonNode.DeepEquals(got, expected)) return $"lifted {got?.ToJsonString()}";
        if (!JsonNode.DeepEquals(h.Handles(), v["handlesAfter"])) return $"handles after lifting {h.Handles().ToJsonString()}";
        return null;
    }
}
