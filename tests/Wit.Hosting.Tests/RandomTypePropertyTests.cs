using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Wasmtime;
using Wasmtime.Components;
using Wit.Hosting.Wasmtime;
using Xunit;

namespace Wit.Hosting.Tests;

/// <summary>
/// A property over random WIT types (lists, tuples, records, variants, enums, options, results and flags over the
/// primitives, strings and owned handles of a resource the host implements, and maps with every kind of key, nested at most <see cref="MaxDepth"/> deep) and random values of them: for each round, a
/// component (text format, generated here) has one export per type that passes its argument to the host's import of
/// that type and returns what the import returns. A value the host passes goes into the component, out to the host's
/// import (which must see it unchanged), back into the component and out to the host, and arrives equal. A type with
/// an owned handle of the component's own resource <c>r</c> cannot reach an import (imports cannot name the component's
/// resources): its export <c>gid-i</c> takes 16 padding values before it, so the arguments arrive in memory laid out as
/// the result is, and returns them; its handles come back as new handles of the same resources (the ids of
/// <c>[method]r.id</c>).
/// </summary>
public sealed partial class RandomTypePropertyTests
{
    private const int MaxDepth = 4;
    private const int Rounds = 10;
    private const int TypesPerRound = 20;
    private const int ValuesPerType = 25;

    private const string Resource = "example:ids/ids#res";

    // `own` is an owned handle of the host's resource `res`: a host object that goes into the component and comes back.
    private static readonly string[] Primitives = { "bool", "s8", "u8", "s16", "u16", "s32", "u32", "s64", "u64", "f32", "f64", "char", "string", "own" };

    // WIT allows these as map keys (WIT1010).
    private static readonly string[] MapKeys = { "bool", "s8", "u8", "s16", "u16", "s32", "u32", "s64", "u64", "char", "string" };

    [Fact]
    public void Random_values_of_random_types_round_trip_exactly()
    {
        int values = 0, componentValues = 0;
        var kindsSeen = new HashSet<WitValueKind>();
        // Wasmtime 50 compiles components with maps only when asked to.
        using var engine = new Engine(new Config().WithComponentModelMap());
        for (int round = 0; round < Rounds; round++)
        {
            var random = new Random(1600 + round);
            var types = Enumerable.Range(0, TypesPerRound).Select(_ => RandomType(random, MaxDepth)).ToList();
            using var component = Component.FromText(engine, ComponentText(types));
            using var linker = new WasmtimeLinker(engine, component);
            linker.DefineResource("example:ids/ids", "res");
            var seen = new List<WitValue>();
            for (int i = 0; i < types.Count; i++)
            {
                linker.DefineFunction("example:ids/ids", $"id-{i}", args =>
                {
                    seen.Add(args[0]);
                    return args[0];
                });
            }

            using var instance = linker.Instantiate();
            // The component's resources are made by its constructor with an id, which its method `id` tells again.
            var ids = new Dictionary<WitComponentResource, uint>(ReferenceEqualityComparer.Instance);
            WitValue NewComponentResource()
            {
                uint id = (uint)ids.Count;
                var handle = instance.Call(null, "[constructor]r", new[] { WitValue.U32(id) })!.Value;
                ids[handle.AsComponentResource()] = id;
                return handle;
            }

            for (int i = 0; i < types.Count; i++)
            {
                for (int n = 0; n < ValuesPerType; n++)
                {
                    var value = RandomValue(random, types[i], NewComponentResource);
                    Collect(value, kindsSeen);
                    if (HasComponentResource(types[i]))
                    {
                        // Handles of the component's resources move in and come back as new handles of the same resources.
                        var expected = WithIds(value, handle => ids[handle]);
                        var back = instance.Call(null, $"gid-{i}", new[] { Padding, value });
                        Assert.True(back is { } b && WithIds(b, handle => instance.Call(null, "[method]r.id", new[] { WitValue.Borrow(handle) })!.Value.AsU32()) == expected,
                            $"{value} of {types[i]} came back as {back}");
                        componentValues++;
                        values++;
                        continue;
                    }

                    seen.Clear();
                    var result = instance.Call(null, $"id-{i}", new[] { value });
                    Assert.True(value == Assert.Single(seen), $"the import saw {seen[0]} for {value} of {types[i]}");
                    Assert.True(result is { } r && r == value, $"{value} of {types[i]} came back as {result}");
                    values++;
                }
            }
        }

        Assert.Equal(Rounds * TypesPerRound * ValuesPerType, values);
        Assert.InRange(componentValues, 100, values / 2);
        Assert.Equal(Enum.GetValues<WitValueKind>(), kindsSeen.Order());
    }

    [Fact]
    public void Values_of_different_shapes_differ()
    {
        // The property's equality must be able to fail: a changed item, field, case, flag set or payload is another value.
        var names = new[] { "a", "b" };
        Assert.NotEqual(WitValue.Record(names, new[] { WitValue.U8(1), WitValue.U8(2) }), WitValue.Record(names, new[] { WitValue.U8(1), WitValue.U8(3) }));
        Assert.NotEqual(WitValue.List(new[] { WitValue.U8(1) }), WitValue.List(new[] { WitValue.U8(1), WitValue.U8(1) }));
        Assert.NotEqual(WitValue.List(new[] { WitValue.U8(1) }), WitValue.Tuple(new[] { WitValue.U8(1) }));
        Assert.NotEqual(WitValue.Variant("a", WitValue.U8(1)), WitValue.Variant("b", WitValue.U8(1)));
        Assert.NotEqual(WitValue.Variant("a", WitValue.U8(1)), WitValue.Variant("a"));
        Assert.NotEqual(WitValue.Ok(WitValue.U8(1)), WitValue.Err(WitValue.U8(1)));
        Assert.NotEqual(WitValue.Some(WitValue.None), WitValue.None);
        Assert.NotEqual(WitValue.Flags(new[] { "a" }), WitValue.Flags(new[] { "a", "b" }));
        Assert.Equal(WitValue.Flags(new[] { "b", "a" }), WitValue.Flags(new[] { "a", "b" }));
        Assert.Equal("{a: some(ok), b: [c(\"x\")]}", WitValue.Record(names, new[] { WitValue.Some(WitValue.Ok()), WitValue.List(new[] { WitValue.Variant("c", WitValue.String("x")) }) }).ToString());
    }

    private static readonly WitValue Padding = WitValue.Tuple(Enumerable.Range(0, 16).Select(_ => WitValue.U64(0)).ToArray());

    /// <summary><paramref name="value"/> with each handle of a component's resource replaced by the resource's id.</summary>
    /// <remarks>With <paramref name="host"/>, a handle of a host object is replaced by its number too.</remarks>
    private static WitValue WithIds(WitValue value, Func<WitComponentResource, uint> id, Func<object, uint>? host = null)
    {
        WitValue[] Each(IEnumerable<WitValue> items) => items.Select(item => WithIds(item, id, host)).ToArray();
        WitValue? Payload() => value.Payload is { } payload ? WithIds(payload, id, host) : null;
        return value.Kind switch
        {
            WitValueKind.Resource when value.AsResource() is WitComponentResource handle => WitValue.U32(id(handle)),
            WitValueKind.Resource when host is not null => WitValue.String($"host#{host(value.AsResource())}"),
            WitValueKind.List => WitValue.List(Each(value.AsList())),
            WitValueKind.Tuple => WitValue.Tuple(Each(value.AsTuple())),
            WitValueKind.Record => WitValue.Record(value.RecordFieldNames().ToArray(), Each(value.AsRecord())),
            WitValueKind.Map => WitValue.Map(Each(value.MapKeys()), Each(value.MapValues())),
            WitValueKind.Variant => WitValue.Variant(value.AsVariant(), Payload()),
            WitValueKind.Option => value.Payload is { } some ? WitValue.Some(WithIds(some, id, host)) : WitValue.None,
            WitValueKind.Result => value.IsOk ? WitValue.Ok(Payload()) : WitValue.Err(Payload()),
            _ => value,
        };
    }

    private static void Collect(WitValue value, HashSet<WitValueKind> kinds)
    {
        kinds.Add(value.Kind);
        IEnumerable<WitValue> inner = value.Kind switch
        {
            WitValueKind.List => value.AsList(),
            WitValueKind.Tuple => value.AsTuple(),
            WitValueKind.Record => value.AsRecord(),
            WitValueKind.Map => value.MapKeys().Concat(value.MapValues()),
            WitValueKind.Option or WitValueKind.Result or WitValueKind.Variant => value.Payload is { } p ? new[] { p } : Array.Empty<WitValue>(),
            _ => Array.Empty<WitValue>(),
        };
        foreach (var item in inner) Collect(item, kinds);
    }

    /// <summary>A WIT type: a primitive's name, or a compound kind with its parts (null: a case or result side without payload).</summary>
    private sealed record WType(string Kind, WType?[] Parts, int Count = 0)
    {
        public override string ToString() => Parts.Length == 0 && Count == 0 ? Kind : $"{Kind}<{string.Join(", ", Parts.Select(p => p?.ToString() ?? "_"))}{(Count > 0 ? $"#{Count}" : "")}>";
    }

    /// <summary>A random type; without <paramref name="maps"/> (the embedded engine does not support them yet), no <c>map</c> at any depth.</summary>
    private static WType RandomType(Random random, int depth, bool maps = true)
    {
        if (depth == 0 || random.Next(10) < 3)
        {
            // `gown`, rarer: an owned handle of the component's resource `r`.
            return new WType(random.Next(40) == 0 ? "gown" : Primitives[random.Next(Primitives.Length)], Array.Empty<WType?>());
        }

        WType Part() => RandomType(random, depth - 1, maps);
        WType? Maybe() => random.Next(3) == 0 ? null : Part();
        int kind = random.Next(9);
        while (!maps && kind == 7) kind = random.Next(9);
        return kind switch
        {
            7 => new WType("map", new WType?[] { new WType(MapKeys[random.Next(MapKeys.Length)], Array.Empty<WType?>()), Part() }),
            0 => new WType("list", new WType?[] { Part() }),
            1 => new WType("tuple", Enumerable.Range(0, 1 + random.Next(4)).Select(_ => (WType?)Part()).ToArray()),
            2 => new WType("record", Enumerable.Range(0, 1 + random.Next(4)).Select(_ => (WType?)Part()).ToArray()),
            3 => new WType("variant", Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Maybe()).ToArray()),
            4 => new WType("enum", Array.Empty<WType?>(), 1 + random.Next(5)),
            5 => new WType("option", new WType?[] { Part() }),
            6 => new WType("result", new[] { Maybe(), Maybe() }),
            _ => new WType("flags", Array.Empty<WType?>(), 1 + random.Next(32)),
        };
    }

    private static bool HasComponentResource(WType? type) => type is not null && (type.Kind == "gown" || type.Parts.Any(HasComponentResource));

    private static WitValue RandomValue(Random random, WType type, Func<WitValue> componentResource)
    {
        WitValue[] Each(IEnumerable<WType?> parts) => parts.Select(p => RandomValue(random, p!, componentResource)).ToArray();
        WitValue? Optional(WType? part) => part is null ? null : RandomValue(random, part, componentResource);
        switch (type.Kind)
        {
            case "list":
                return WitValue.List(Each(Enumerable.Repeat(type.Parts[0], random.Next(4) == 0 ? 0 : random.Next(6))));
            case "tuple":
                return WitValue.Tuple(Each(type.Parts));
            case "record":
                return WitValue.Record(type.Parts.Select((_, i) => $"f{i}").ToArray(), Each(type.Parts));
            case "variant":
                int @case = random.Next(type.Parts.Length);
                return WitValue.Variant($"c{@case}", Optional(type.Parts[@case]));
            case "enum":
                return WitValue.Enum($"e{random.Next(type.Count)}");
            case "option":
                return random.Next(3) == 0 ? WitValue.None : WitValue.Some(RandomValue(random, type.Parts[0]!, componentResource));
            case "result":
                return random.Next(2) == 0 ? WitValue.Ok(Optional(type.Parts[0])) : WitValue.Err(Optional(type.Parts[1]));
            case "map":
            {
                // Distinct keys: a map passes as a list of pairs, in order.
                var keys = new List<WitValue>();
                for (int n = random.Next(4) == 0 ? 0 : random.Next(6); n > 0; n--)
                {
                    var key = RandomValue(random, type.Parts[0]!, componentResource);
                    if (!keys.Contains(key)) keys.Add(key);
                }

                return WitValue.Map(keys.ToArray(), keys.Select(_ => RandomValue(random, type.Parts[1]!, componentResource)).ToArray());
            }

            case "flags":
                return WitValue.Flags(Enumerable.Range(0, type.Count).Where(_ => random.Next(2) == 0).Select(i => $"g{i}").ToArray());
        }

        ulong bits = (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);
        return type.Kind switch
        {
            "bool" => WitValue.Bool((bits & 1) == 1),
            "s8" => WitValue.S8(unchecked((sbyte)bits)),
            "u8" => WitValue.U8(unchecked((byte)bits)),
            "s16" => WitValue.S16(unchecked((short)bits)),
            "u16" => WitValue.U16(unchecked((ushort)bits)),
            "s32" => WitValue.S32(unchecked((int)bits)),
            "u32" => WitValue.U32(unchecked((uint)bits)),
            "s64" => WitValue.S64(unchecked((long)bits)),
            "u64" => WitValue.U64(bits),
            // NaN payloads are not guaranteed to survive the canonical ABI, so the property covers every other float.
            "f32" => WitValue.F32(float.IsNaN(BitConverter.UInt32BitsToSingle((uint)bits)) ? 1.5f : BitConverter.UInt32BitsToSingle((uint)bits)),
            "f64" => WitValue.F64(double.IsNaN(BitConverter.UInt64BitsToDouble(bits)) ? -2.5 : BitConverter.UInt64BitsToDouble(bits)),
            "char" => WitValue.Char(RandomText.Rune(random)),
            "own" => WitValue.Own(Resource, new object()),
            "gown" => componentResource(),
            _ => WitValue.String(RandomText.String(random)),
        };
    }

    /// <summary>The canonical ABI's flattening of <paramref name="type"/> into core value types.</summary>
    private static List<string> Flat(WType? type)
    {
        if (type is null) return new List<string>();
        switch (type.Kind)
        {
            case "s64": case "u64": return new List<string> { "i64" };
            case "f32": case "f64": return new List<string> { type.Kind };
            case "string": case "list": case "map": return new List<string> { "i32", "i32" };
            case "tuple": case "record": return type.Parts.SelectMany(Flat).ToList();
            case "enum": case "flags": return new List<string> { "i32" };
            case "option": return Cases(new[] { null, type.Parts[0] });
            case "result": case "variant": return Cases(type.Parts);
            default: return new List<string> { "i32" };
        }
    }

    private static List<string> Cases(IEnumerable<WType?> cases)
    {
        var joined = new List<string>();
        foreach (var flat in cases.Select(Flat))
        {
            for (int i = 0; i < flat.Count; i++)
            {
                if (i == joined.Count) joined.Add(flat[i]);
                else if (joined[i] != flat[i]) joined[i] = (joined[i], flat[i]) is ("i32", "f32") or ("f32", "i32") ? "i32" : "i64";
            }
        }

        joined.Insert(0, "i32");
        return joined;
    }

    /// <summary>The core load of a type that flattens to one value, from its memory layout (a scalar at offset 0).</summary>
    private static string Load(WType type) => type.Kind switch
    {
        "bool" or "u8" => "i32.load8_u",
        "s8" => "i32.load8_s",
        "u16" => "i32.load16_u",
        "s16" => "i32.load16_s",
        "s64" or "u64" => "i64.load",
        "f32" => "f32.load",
        "f64" => "f64.load",
        // One field or element: its load. Cases without payloads: the discriminant, a byte for fewer than 256 cases.
        "tuple" or "record" => Load(type.Parts[0]!),
        "enum" or "variant" or "result" => "i32.load8_u",
        "flags" => type.Count <= 8 ? "i32.load8_u" : type.Count <= 16 ? "i32.load16_u" : "i32.load",
        _ => "i32.load",
    };

    /// <summary>A WIT type in the component text format; records, variants, enums and flags are named (defined, then exported).</summary>
    private sealed class TypeText
    {
        private readonly StringBuilder _definitions;
        private readonly bool _inInstance;
        private int _count;

        public TypeText(StringBuilder definitions, bool inInstance, int first)
        {
            _definitions = definitions;
            _inInstance = inInstance;
            _count = first;
        }

        public int Count => _count;

        public string Of(WType? type)
        {
            if (type is null) return "";
            string? definition = type.Kind switch
            {
                "record" => "(record " + string.Join(" ", type.Parts.Select((p, i) => $"(field \"f{i}\" {Of(p)})")) + ")",
                "variant" => "(variant " + string.Join(" ", type.Parts.Select((p, i) => p is null ? $"(case \"c{i}\")" : $"(case \"c{i}\" {Of(p)})")) + ")",
                "enum" => "(enum " + string.Join(" ", Enumerable.Range(0, type.Count).Select(i => $"\"e{i}\"")) + ")",
                "flags" => "(flags " + string.Join(" ", Enumerable.Range(0, type.Count).Select(i => $"\"g{i}\"")) + ")",
                _ => null,
            };
            if (definition is not null)
            {
                int k = _count++;
                _definitions.Append(_inInstance
                    ? $"    (type $d{k} {definition}) (export \"t{k}\" (type $t{k} (eq $d{k})))\n"
                    : $"  (type $d{k} {definition}) (export $t{k} \"t{k}\" (type $d{k}))\n");
                return $"$t{k}";
            }

            return type.Kind switch
            {
                "list" => $"(list {Of(type.Parts[0])})",
                "map" => $"(map {Of(type.Parts[0])} {Of(type.Parts[1])})",
                "tuple" => "(tuple " + string.Join(" ", type.Parts.Select(Of)) + ")",
                "option" => $"(option {Of(type.Parts[0])})",
                "result" => "(result" + (type.Parts[0] is { } ok ? " " + Of(ok) : "") + (type.Parts[1] is { } err ? $" (error {Of(err)})" : "") + ")",
                "own" => "(own $res)",
                "gown" => "(own $re)",
                _ => type.Kind,
            };
        }
    }

    /// <summary>
    /// The component: export <c>id-i</c> calls import <c>id-i</c> (both of type <c>func(x: T) -> T</c>) with its core
    /// arguments and returns its result, through a return area at address 8 when the result does not flatten to one
    /// value. Strings and lists go through linear memory with a bump allocator from 64 KiB that wraps around.
    /// </summary>
    private static string ComponentText(IReadOnlyList<WType> types)
    {
        const int MaxFlatParams = 16;
        var text = new StringBuilder();
        var importTypes = new StringBuilder();
        var importFunctions = new StringBuilder();
        var instanceTypes = new TypeText(importTypes, inInstance: true, first: 0);
        var viaImport = Enumerable.Range(0, types.Count).Where(i => !HasComponentResource(types[i])).ToList();
        var viaMemory = Enumerable.Range(0, types.Count).Where(i => HasComponentResource(types[i])).ToList();
        foreach (int i in viaImport)
        {
            string t = instanceTypes.Of(types[i]);
            importFunctions.Append($"    (export \"id-{i}\" (func (param \"x\" {t}) (result {t})))\n");
        }

        text.Append("(component\n  (import \"example:ids/ids\" (instance $ids\n    (export \"res\" (type $res (sub resource)))\n")
            .Append(importTypes).Append(importFunctions).Append("  ))\n  (alias export $ids \"res\" (type $res))\n");
        // The component's own resource `r` (its rep is the id the host gives its constructor), exported so that exported
        // functions may use it.
        text.Append("  (type $r (resource (rep i32)))\n  (export $re \"r\" (type $r))\n  (core func $r-new (canon resource.new $r))\n");
        text.Append("""
              (core module $Memory
                (memory (export "memory") 32)
                (global $next (mut i32) (i32.const 65536))
                (func (export "realloc") (param i32 i32 i32 i32) (result i32)
                  (local $start i32)
                  (local.set $start
                    (i32.and
                      (i32.add (global.get $next) (i32.sub (local.get 2) (i32.const 1)))
                      (i32.xor (i32.sub (local.get 2) (i32.const 1)) (i32.const -1))))
                  (if (i32.gt_u (i32.add (local.get $start) (local.get 3)) (i32.const 2097152))
                    (then (local.set $start (i32.const 65536))))
                  (global.set $next (i32.add (local.get $start) (local.get 3)))
                  (local.get $start)))
              (core instance $memory (instantiate $Memory))

            """);
        text.Append("  (core module $Main\n    (import \"memory\" \"memory\" (memory 32))\n    (import \"r\" \"new\" (func $r-new (param i32) (result i32)))\n");
        var resourceFunctions = new StringBuilder();
        resourceFunctions.Append("    (func (export \"r-new\") (param i32) (result i32) (call $r-new (local.get 0)))\n");
        resourceFunctions.Append("    (func (export \"r-id\") (param i32) (result i32) (local.get 0))\n");
        foreach (int i in viaMemory)
        {
            // Parameters past 16 flat values arrive in memory, laid out as the result is: x follows 128 bytes of padding.
            var flat = Flat(types[i]);
            resourceFunctions.Append(flat.Count > 1
                ? $"    (func (export \"gid-{i}\") (param i32) (result i32) (i32.add (local.get 0) (i32.const 128)))\n"
                : $"    (func (export \"gid-{i}\") (param i32) (result {flat[0]}) ({Load(types[i])} offset=128 (local.get 0)))\n");
        }

        var cores = new List<(List<string> Params, bool ReturnArea, List<string> Results)>();
        foreach (var type in types)
        {
            var flat = Flat(type);
            var parameters = flat.Count > MaxFlatParams ? new List<string> { "i32" } : flat;
            cores.Add((parameters, flat.Count > 1, flat.Count > 1 ? new List<string> { "i32" } : flat));
        }

        foreach (int i in viaImport)
        {
            var (parameters, returnArea, results) = cores[i];
            string lowered = string.Join(" ", parameters.Concat(returnArea ? new[] { "i32" } : Array.Empty<string>()));
            text.Append($"    (import \"ids\" \"id-{i}\" (func $id-{i} (param {lowered}){(returnArea ? "" : $" (result {results[0]})")}))\n");
        }

        text.Append(resourceFunctions);
        foreach (int i in viaImport)
        {
            var (parameters, returnArea, results) = cores[i];
            string arguments = string.Join(" ", parameters.Select((_, p) => $"(local.get {p})"));
            text.Append($"    (func (export \"id-{i}\") (param {string.Join(" ", parameters)}) (result {results[0]}) (call $id-{i} {arguments}{(returnArea ? " (i32.const 8)) (i32.const 8)" : ")")})\n");
        }

        text.Append("  )\n");
        const string options = "(memory (core memory $memory \"memory\")) (realloc (core func $memory \"realloc\"))";
        foreach (int i in viaImport)
        {
            text.Append($"  (alias export $ids \"id-{i}\" (func $id-{i}))\n");
            text.Append($"  (core func $lowered-{i} (canon lower (func $id-{i}) {options}))\n");
        }

        text.Append("  (core instance $imports\n");
        foreach (int i in viaImport) text.Append($"    (export \"id-{i}\" (func $lowered-{i}))\n");
        text.Append("  )\n  (core instance $main (instantiate $Main (with \"ids\" (instance $imports)) (with \"memory\" (instance $memory))\n");
        text.Append("    (with \"r\" (instance (export \"new\" (func $r-new))))))\n");
        text.Append("  (func (export \"[constructor]r\") (param \"id\" u32) (result (own $re)) (canon lift (core func $main \"r-new\")))\n");
        text.Append("  (func (export \"[method]r.id\") (param \"self\" (borrow $re)) (result u32) (canon lift (core func $main \"r-id\")))\n");
        var exportTypes = new StringBuilder();
        var exportTypeText = new TypeText(exportTypes, inInstance: false, first: instanceTypes.Count);
        var exportFunctions = new StringBuilder();
        for (int i = 0; i < types.Count; i++)
        {
            string t = exportTypeText.Of(types[i]);
            exportFunctions.Append(HasComponentResource(types[i])
                ? $"  (func (export \"gid-{i}\") (param \"pad\" (tuple {string.Join(" ", Enumerable.Repeat("u64", 16))})) (param \"x\" {t}) (result {t}) (canon lift (core func $main \"gid-{i}\") {options}))\n"
                : $"  (func (export \"id-{i}\") (param \"x\" {t}) (result {t}) (canon lift (core func $main \"id-{i}\") {options}))\n");
        }

        text.Append(exportTypes).Append(exportFunctions).Append(")\n");
        return text.ToString();
    }
}
