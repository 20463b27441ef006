using System;
using System.Collections.Generic;
using System.Linq;
using Wasmtime;
using Wasmtime.Components;
using Wit.Hosting.Embedded;
using Wit.Hosting.Wasmtime;
using Xunit;
using Xunit.Abstractions;

namespace Wit.Hosting.Tests;

/// <summary>
/// Values a guest produces that may not be valid for their type, lifted on both engines: each export turns random core
/// bits into a <c>char</c>, <c>bool</c>, <c>enum</c>, <c>flags</c>, <c>option</c>, <c>result</c> or <c>string</c>
/// (pointer, length and bytes chosen at random, so out-of-bounds and invalid UTF-8 happen), and the outcome, a value
/// or a trap, must be the same on Wasmtime and on the embedded engine. The seed is in every message.
/// </summary>
public sealed class GuestValueDifferentialTests
{
    private const int Seed = 4242;
    private const int Calls = 400;

    private const string Text = """
        (component
          (core module $M
            (memory (export "memory") 1)
            (func (export "id") (param i32) (result i32) (local.get 0))
            (func (export "case") (param i32) (result i32)
              (i32.store8 (i32.const 8) (local.get 0)) (i32.store8 (i32.const 9) (i32.const 7)) (i32.const 8))
            (func (export "str") (param i32 i32) (result i32)
              (i32.store (i32.const 16) (local.get 0)) (i32.store (i32.const 20) (local.get 1)) (i32.const 16))
            (func (export "poke") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
            (func (export "boom") unreachable))
          (core instance $m (instantiate $M))
          (alias core export $m "memory" (core memory $mem))
          (alias core export $m "id" (core func $id))
          (alias core export $m "case" (core func $case))
          (alias core export $m "str" (core func $str))
          (alias core export $m "poke" (core func $poke))
          (alias core export $m "boom" (core func $boom))
          (type $e (enum "a" "b" "c"))
          (export $et "e" (type $e))
          (type $f (flags "x" "y" "z"))
          (export $ft "f" (type $f))
          (func (export "char-of") (param "x" u32) (result char) (canon lift (core func $id)))
          (func (export "bool-of") (param "x" u32) (result bool) (canon lift (core func $id)))
          (func (export "enum-of") (param "x" u32) (result $et) (canon lift (core func $id)))
          (func (export "flags-of") (param "x" u32) (result $ft) (canon lift (core func $id)))
          (func (export "option-of") (param "x" u32) (result (option u8)) (canon lift (core func $case) (memory $mem)))
          (func (export "result-of") (param "x" u32) (result (result u8 (error u8))) (canon lift (core func $case) (memory $mem)))
          (func (export "string-at") (param "p" u32) (param "n" u32) (result string) (canon lift (core func $str) (memory $mem) string-encoding=utf8))
          (func (export "poke") (param "p" u32) (param "b" u32) (canon lift (core func $poke)))
          (func (export "boom") (canon lift (core func $boom)))
        )
        """;

    private readonly ITestOutputHelper _output;

    public GuestValueDifferentialTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Guest_values_lift_or_trap_alike_on_both_engines()
    {
        byte[] binary = Wit.TestKit.ComponentText.Parse(Text);
        using var engine = new Engine();
        var theirs = Run(engine, binary);
        var ours = Run(null, binary);
        var disagreements = ours.Zip(theirs, (o, t) => (o, t)).Where(p => p.o != p.t).Select(p => $"seed {Seed}: {p.o.Call}: embedded {p.o.Outcome}, Wasmtime {p.t.Outcome}").ToList();
        int trapped = ours.Count(o => o.Outcome == "trap");
        _output.WriteLine($"seed {Seed}: {ours.Count} calls compared, {trapped} trapped on our engine, {disagreements.Count} disagreements");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements.Take(20)));
        // Both kinds of outcome must occur, or the comparison says little.
        Assert.InRange(trapped, Calls / 10, Calls - Calls / 10);
    }

    [Fact]
    public void An_instance_that_trapped_is_locked_down_on_both_engines()
    {
        // The component model's lockdown: after a trap (a core trap or an invalid value lifted), every later call of
        // the instance traps; another instance of the same component is unaffected.
        byte[] binary = Wit.TestKit.ComponentText.Parse(Text);
        using var engine = new Engine();
        foreach (var embedded in new[] { false, true })
        {
            using var component = embedded ? null : Component.FromBytes(engine, binary);
            using IWitLinker linker = embedded ? new EmbeddedLinker(binary) : new WasmtimeLinker(engine, component!);
            foreach (var (trapping, args) in new[] { ("boom", Array.Empty<WitValue>()), ("char-of", new[] { WitValue.U32(0xD800) }) })
            {
                using var instance = linker.Instantiate();
                Assert.Equal(WitValue.Bool(true), instance.Call(null, "bool-of", new[] { WitValue.U32(1) }));
                Assert.Throws<WitTrapException>(() => instance.Call(null, trapping, args));
                Assert.Throws<WitTrapException>(() => instance.Call(null, "bool-of", new[] { WitValue.U32(1) }));
                using var other = linker.Instantiate();
                Assert.Equal(WitValue.Bool(true), other.Call(null, "bool-of", new[] { WitValue.U32(1) }));
            }
        }
    }

    private static List<(string Call, string Outcome)> Run(Engine? engine, byte[] binary)
    {
        using var component = engine is null ? null : Component.FromBytes(engine, binary);
        using IWitLinker linker = engine is null ? new EmbeddedLinker(binary) : new WasmtimeLinker(engine, component!);
        var random = new Random(Seed);
        var outcomes = new List<(string, string)>();
        for (int i = 0; i < Calls; i++)
        {
            // Bits near each type's limits more often than not: the valid range and just past it.
            (string name, uint[] args) = random.Next(7) switch
            {
                0 => ("char-of", new[] { random.Next(4) switch { 0 => (uint)random.Next(0xD700, 0xE100), 1 => (uint)random.Next(0x10FF00, 0x110100), 2 => (uint)random.Next(), _ => (uint)random.Next(0x80) } }),
                1 => ("bool-of", new[] { (uint)random.Next(4) }),
                2 => ("enum-of", new[] { (uint)random.Next(6) }),
                3 => ("flags-of", new[] { (uint)random.Next(16) }),
                4 => ("option-of", new[] { (uint)random.Next(4) }),
                5 => ("result-of", new[] { (uint)random.Next(4) }),
                _ => ("string-at", random.Next(6) == 0 ? new[] { (uint)random.Next(65530, 65540), (uint)random.Next(8) } : new[] { (uint)random.Next(1024, 1040), (uint)random.Next(12) }),
            };
            // A fresh instance per call: after a trap, an instance is locked down (every later call traps).
            using var instance = linker.Instantiate();
            string call = $"{name}({string.Join(", ", args)})";
            try
            {
                if (name == "string-at")
                {
                    // Random bytes where the strings are read, so that invalid UTF-8 occurs.
                    for (int b = random.Next(8); b > 0; b--)
                    {
                        uint at = (uint)random.Next(1024, 1052), value = (uint)random.Next(256);
                        instance.Call(null, "poke", new[] { WitValue.U32(at), WitValue.U32(value) });
                        call = $"poke({at}, {value}); " + call;
                    }
                }

                var result = instance.Call(null, name, args.Select(WitValue.U32).ToArray());
                outcomes.Add((call, result?.ToString() ?? "nothing"));
            }
            catch (WitTrapException)
            {
                outcomes.Add((call, "trap"));
            }
        }

        return outcomes;
    }
}
