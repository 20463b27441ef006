using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Wit.Core.Abi;
using Wit.Core.Semantics;
using Wit.Runtime.Canonical;
using Wit.Runtime.Execution;
using Xunit;
using Xunit.Abstractions;

namespace Wit.Runtime.Tests.Canonical;

/// <summary>
/// Lower then lift gives the value back, over random values of random WIT types (every kind, maps included), in every
/// way a value crosses (flat, in memory, as spilled parameters, through a return pointer), in the three string
/// encodings and with 32- and 64-bit pointers. NaNs come back as the canonical NaN; owned handles leave the table.
/// </summary>
public sealed class CanonicalPropertyTests
{
    private const int Seed = 20261206;
    private readonly ITestOutputHelper _output;

    public CanonicalPropertyTests(ITestOutputHelper output) => _output = output;

    /// <summary>WIT text for random types: named types become declarations, the rest nest inline.</summary>
    private sealed class RandomWit
    {
        private static readonly string[] Primitives = { "bool", "s8", "u8", "s16", "u16", "s32", "u32", "s64", "u64", "f32", "f64", "char", "string" };
        private readonly Random _random;
        private int _names;

        public RandomWit(Random random) => _random = random;

        public List<string> Declarations { get; } = new() { "resource res;" };

        public string Type(int depth)
        {
            if (depth <= 0 || _random.NextDouble() < 0.3) return Primitives[_random.Next(Primitives.Length)];
            string Inner() => Type(depth - 1);
            IEnumerable<string> Several(int max) => Enumerable.Range(0, _random.Next(1, max + 1)).Select(_ => Inner());
            switch (_random.Next(13))
            {
                case 0: return $"list<{Inner()}>";
                case 1: return $"list<{Inner()}, {_random.Next(1, 5)}>";
                case 2: return $"tuple<{string.Join(", ", Several(4))}>";
                case 3: return Declare("record", Several(4).Select((t, i) => $"f{i}: {t}"));
                case 4: return Declare("variant", Enumerable.Range(0, _random.Next(1, 5)).Select(i => _random.NextDouble() < 0.3 ? $"c{i}" : $"c{i}({Inner()})"));
                case 5: return Declare("enum", Enumerable.Range(0, _random.Next(1, 6)).Select(i => $"e{i}"));
                case 6: return $"option<{Inner()}>";
                case 7:
                    return _random.Next(4) switch
                    {
                        0 => $"result<{Inner()}, {Inner()}>",
                        1 => $"result<{Inner()}>",
                        2 => $"result<_, {Inner()}>",
                        _ => "result",
                    };
                case 8: return Declare("flags", Enumerable.Range(0, new[] { 1, 5, 8, 9, 16, 17, 32 }[_random.Next(7)]).Select(i => $"g{i}"));
                case 9: return "own<res>";
                case 10: return "borrow<res>";
                case 11: return $"map<{(_random.Next(2) == 0 ? "string" : "u32")}, {Inner()}>";
                default: return $"list<{Inner()}>";
            }
        }

        private string Declare(string kind, IEnumerable<string> members)
        {
            string name = $"{kind[0]}{++_names}";
            Declarations.Add($"{kind} {name} {{ {string.Join(", ", members)} }}");
            return name;
        }
    }

    private static readonly string[] Alphabet = { "a", "Z", "~", "\u00e9", "\u00ff", "\u0100", "\u4e2d", "\ufffd", "\U0001F600", "\U0010FFFF" };

    private static ComponentValue RandomValue(Random random, WitType type)
    {
        if (type.Definition is { } alias && alias.Unaliased() is { Kind: TypeDefinitionKind.Alias } a) return RandomValue(random, a.Element!.Value);
        if (type.Definition is not { } d0)
        {
            ulong bits = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 33);
            if (random.Next(4) == 0) bits = new[] { 0UL, ulong.MaxValue, 1UL, 0x7ff8000000000001UL, 0x7fc00001UL, 0xffc00000UL }[random.Next(6)];
            return type.Primitive switch
            {
                PrimitiveType.Bool => ComponentValue.Bool((bits & 1) != 0),
                PrimitiveType.S8 => ComponentValue.S8((sbyte)bits),
                PrimitiveType.U8 => ComponentValue.U8((byte)bits),
                PrimitiveType.S16 => ComponentValue.S16((short)bits),
                PrimitiveType.U16 => ComponentValue.U16((ushort)bits),
                PrimitiveType.S32 => ComponentValue.S32((int)bits),
                PrimitiveType.U32 => ComponentValue.U32((uint)bits),
                PrimitiveType.S64 => ComponentValue.S64((long)bits),
                PrimitiveType.U64 => ComponentValue.U64(bits),
                PrimitiveType.F32 => ComponentValue.F32Bits((uint)bits),
                PrimitiveType.F64 => ComponentValue.F64Bits(bits),
                PrimitiveType.Char => ComponentValue.Char(random.Next(2) == 0 ? random.Next(0xD800) : random.Next(0xE000, 0x110000)),
                _ => ComponentValue.String(string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => Alphabet[random.Next(random.Next(2) == 0 ? 5 : Alphabet.Length)])), (StringEncoding)random.Next(3), random.Next(4) == 0),
            };
        }

        var d = d0.Unaliased();
        switch (Shape.Of(d))
        {
            case ShapeKind.Scalar4:
                uint rep = (uint)random.Next();
                return d.HandleKind == HandleKind.Own ? ComponentValue.Own(rep) : ComponentValue.Borrow(rep);
            case ShapeKind.DynamicList:
                var items = Enumerable.Range(0, random.Next(0, 4)).Select(_ => d.Kind == TypeDefinitionKind.Map
                    ? ComponentValue.Record(RandomValue(random, d.Key!.Value), RandomValue(random, d.Element!.Value))
                    : RandomValue(random, d.Element!.Value));
                return ComponentValue.List(items.ToArray());
            case ShapeKind.FixedList:
                return ComponentValue.List(Enumerable.Range(0, (int)d.FixedLength).Select(_ => RandomValue(random, d.Element!.Value)).ToArray());
            case ShapeKind.Record:
                return ComponentValue.Record(Shape.Fields(d)!.Select(f => RandomValue(random, f)).ToArray());
            case ShapeKind.Variant:
                var cases = Shape.Cases(d);
                int index = random.Next(cases.Count);
                return ComponentValue.Case((uint)index, cases[index] is { } payload ? RandomValue(random, payload) : null);
            default:
                int count = d.Members.Count;
                return ComponentValue.Flags((uint)(random.NextInt64() & (count == 32 ? 0xffffffffL : (1L << count) - 1)));
        }
    }

    /// <summary>The value as lifting gives it back: NaNs canonical.</summary>
    private static ComponentValue Expected(ComponentValue value) => value.Kind switch
    {
        ComponentValueKind.F32 when float.IsNaN(BitConverter.UInt32BitsToSingle((uint)value.Bits)) => ComponentValue.F32Bits(0x7fc00000),
        ComponentValueKind.F64 when double.IsNaN(BitConverter.UInt64BitsToDouble(value.Bits)) => ComponentValue.F64Bits(0x7ff8000000000000),
        ComponentValueKind.List => ComponentValue.List(value.Items.Select(Expected).ToArray()),
        ComponentValueKind.Record => ComponentValue.Record(value.Items.Select(Expected).ToArray()),
        ComponentValueKind.Case => ComponentValue.Case((uint)value.Bits, value.Payload is { } p ? Expected(p) : null),
        _ => value,
    };

    private static int Borrows(ComponentValue value) =>
        (value.Kind == ComponentValueKind.Borrow ? 1 : 0) + value.Items.Sum(Borrows);

    [Fact]
    public void Lowering_then_lifting_gives_the_value_back()
    {
        var random = new Random(Seed);
        var wit = new RandomWit(random);
        var roots = Enumerable.Range(0, 300).Select(i => wit.Type(random.Next(1, 5))).ToList();
        string text = "package prop:types;\ninterface p {\n" + string.Join("\n", wit.Declarations.Concat(roots.Select((t, i) => $"type t{i} = {t};")).Select(x => "  " + x)) + "\n}\n";
        var types = CanonicalJson.ResolveInterface(text, "p");
        var resource = types.Types.TryGetValue("res", out var r) ? r : throw new InvalidOperationException();
        var failures = new List<string>();
        int trials = 0;
        var modes = new Dictionary<string, int>();
        for (int i = 0; i < roots.Count; i++)
        {
            var type = CanonicalJson.TypeNamed(types, $"t{i}");
            for (int k = 0; k < 8; k++)
            {
                var encoding = (StringEncoding)random.Next(3);
                bool memory64 = random.Next(5) == 0;
                string mode = new[] { "flat", "memory", "params", "results" }[random.Next(4)];
                int arity = mode == "params" ? random.Next(1, 6) : 1;
                var values = Enumerable.Range(0, arity).Select(_ => RandomValue(random, type)).ToArray();
                var parameterTypes = Enumerable.Repeat(type, arity).ToArray();
                trials++;
                modes[mode] = modes.GetValueOrDefault(mode) + 1;
                try
                {
                    var lifted = RoundTrip(new CanonicalHarness(encoding, memory64, remoteResource: resource), new CanonicalCodec(new CanonicalAbi(memory64)), mode, values, parameterTypes, memory64, out var harness);
                    for (int v = 0; v < arity; v++)
                    {
                        if (!Expected(values[v]).Equals(lifted[v])) failures.Add($"t{i} = {roots[i]} ({mode}, {encoding}, memory64 {memory64}): {values[v]} came back as {lifted[v]}");
                    }

                    int borrows = values.Sum(Borrows);
                    if (harness.Instance.Handles.Count != borrows || harness.Task.Borrows != borrows || harness.Instance.Handles.Entries.Any(e => e.Handle.Own || e.Handle.Lends != 1))
                    {
                        failures.Add($"t{i} = {roots[i]} ({mode}): {harness.Instance.Handles.Count} handles left for {borrows} borrows");
                    }
                }
                catch (WasmException e)
                {
                    failures.Add($"t{i} = {roots[i]} ({mode}, {encoding}, memory64 {memory64}): {e.GetType().Name} {e.Message} for {string.Join(", ", values.Select(x => x.ToString()))}");
                }
            }
        }

        _output.WriteLine($"{trials} round trips of random values of 300 random types ({string.Join(", ", modes.Select(m => $"{m.Key} {m.Value}"))}), {failures.Count} fail");
        Assert.True(failures.Count == 0, $"{failures.Count} of {trials} round trips failed:\n" + string.Join("\n", failures.Take(8)));
    }

    [Fact]
    public void Lifting_garbage_gives_a_value_or_a_trap_and_nothing_else()
    {
        var random = new Random(Seed + 1);
        var wit = new RandomWit(random);
        var roots = Enumerable.Range(0, 200).Select(i => wit.Type(random.Next(1, 5))).ToList();
        string text = "package prop:garbage;\ninterface g {\n" + string.Join("\n", wit.Declarations.Concat(roots.Select((t, i) => $"type t{i} = {t};")).Select(x => "  " + x)) + "\n}\n";
        var types = CanonicalJson.ResolveInterface(text, "g");
        var resource = types.Types.TryGetValue("res", out var r) ? r : throw new InvalidOperationException();
        int values = 0, traps = 0;
        var failures = new List<string>();
        for (int i = 0; i < roots.Count; i++)
        {
            var type = CanonicalJson.TypeNamed(types, $"t{i}");
            for (int k = 0; k < 10; k++)
            {
                bool memory64 = random.Next(4) == 0;
                var h = new CanonicalHarness((StringEncoding)random.Next(3), memory64, remoteResource: resource);
                random.NextBytes(h.Memory.Bytes.AsSpan(0, random.Next(h.Memory.Bytes.Length)));
                var codec = new CanonicalCodec(new CanonicalAbi(memory64));
                // Small numbers now and then, so pointers and lengths land inside the memory too.
                ulong Bits() => random.Next(3) == 0 ? (ulong)random.Next(0, 70000) : (ulong)random.NextInt64();
                var flat = codec.Abi.Flatten(type)!.Values!.Select(kind => new WasmValue(CanonicalCodec.ValTypeOf(kind), kind is CoreValueType.I32 or CoreValueType.F32 ? (uint)Bits() : Bits())).ToArray();
                var layout = codec.Abi.Layout(type)!;
                ulong at = (ulong)random.Next(0, 60000) / (ulong)layout.Alignment * (ulong)layout.Alignment;
                foreach (var lift in new Func<ComponentValue>[] { () => codec.LiftFlat(h.LiftContext, new FlatReader(flat), type), () => codec.Load(h.LiftContext, at, type) })
                {
                    try
                    {
                        lift();
                        values++;
                    }
                    catch (CanonicalTrapException)
                    {
                        traps++;
                    }
                    catch (Exception e)
                    {
                        failures.Add($"t{i} = {roots[i]}: {e.GetType().Name} {e.Message}");
                    }
                }
            }
        }

        _output.WriteLine($"garbage lifted: {values} values, {traps} traps, {failures.Count} other exceptions");
        Assert.True(traps > 100 && values > 100, $"{values} values and {traps} traps: the inputs do not reach both outcomes");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(8)));
    }

    private static ComponentValue[] RoundTrip(CanonicalHarness h, CanonicalCodec codec, string mode, ComponentValue[] values, WitType[] types, bool memory64, out CanonicalHarness harness)
    {
        harness = h;
        WasmValue Pointer(ulong p) => memory64 ? WasmValue.I64((long)p) : WasmValue.I32((int)p);
        switch (mode)
        {
            case "flat":
                var flat = codec.LowerFlat(h.LowerContext, values[0], types[0]);
                var reader = new FlatReader(flat);
                var one = codec.LiftFlat(h.LiftContext, reader, types[0]);
                if (!reader.Done) throw new InvalidOperationException("flat values left unread");
                return new[] { one };
            case "memory":
                var layout = codec.Abi.Layout(types[0])!;
                ulong at = (ulong)layout.Alignment * 16;
                codec.Store(h.LowerContext, values[0], types[0], at);
                return new[] { codec.Load(h.LiftContext, at, types[0]) };
            case "params":
                var spilled = codec.LowerFlatValues(h.LowerContext, CanonicalCodec.MaxFlatParams, values, types);
                return codec.LiftFlatValues(h.LiftContext, CanonicalCodec.MaxFlatParams, new FlatReader(spilled), types);
            default:
                ulong retptr = 64;
                var results = codec.LowerFlatValues(h.LowerContext, CanonicalCodec.MaxFlatResults, values, types, new FlatReader(Pointer(retptr)));
                return codec.LiftFlatValues(h.LiftContext, CanonicalCodec.MaxFlatResults, new FlatReader(results.Length > 0 ? results : new[] { Pointer(retptr) }), types);
        }
    }
}
