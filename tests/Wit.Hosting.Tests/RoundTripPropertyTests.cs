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
/// A property over random values of random primitive kinds and strings: a value the host passes to an export goes into
/// the component, out to the host's import (which sees it unchanged), back into the component and out to the host, and
/// arrives equal. The component (text format, built here) has one identity export and import per kind.
/// </summary>
public sealed class RoundTripPropertyTests
{
    private static readonly (WitValueKind Kind, string Wit, string Core)[] Kinds =
    {
        (WitValueKind.Bool, "bool", "i32"), (WitValueKind.S8, "s8", "i32"), (WitValueKind.U8, "u8", "i32"),
        (WitValueKind.S16, "s16", "i32"), (WitValueKind.U16, "u16", "i32"), (WitValueKind.S32, "s32", "i32"),
        (WitValueKind.U32, "u32", "i32"), (WitValueKind.S64, "s64", "i64"), (WitValueKind.U64, "u64", "i64"),
        (WitValueKind.F32, "f32", "f32"), (WitValueKind.F64, "f64", "f64"), (WitValueKind.Char, "char", "i32"),
    };

    [Fact]
    public void Random_values_of_every_kind_round_trip_exactly()
    {
        using var engine = new Engine();
        using var component = Component.FromText(engine, ComponentText());
        using var linker = new WasmtimeLinker(engine, component);
        var seen = new List<WitValue>();
        foreach (var (_, wit, _) in Kinds.Append((WitValueKind.String, "string", "")))
        {
            linker.DefineFunction("example:ids/ids", "id-" + wit, args =>
            {
                seen.Add(args[0]);
                return args[0];
            });
        }

        using var instance = linker.Instantiate();
        var random = new Random(16);
        for (int i = 0; i < 2000; i++)
        {
            var value = RandomValue(random);
            seen.Clear();
            var result = instance.Call(null, "id-" + (value.Kind == WitValueKind.String ? "string" : Kinds.Single(k => k.Kind == value.Kind).Wit), new[] { value });
            Assert.Equal(value, Assert.Single(seen));
            Assert.Equal(value, result);
        }
    }

    private static WitValue RandomValue(Random random)
    {
        int kind = random.Next(Kinds.Length + 1);
        if (kind == Kinds.Length) return WitValue.String(RandomString(random));
        ulong bits = (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);
        return Kinds[kind].Kind switch
        {
            WitValueKind.Bool => WitValue.Bool((bits & 1) == 1),
            WitValueKind.S8 => WitValue.S8(unchecked((sbyte)bits)),
            WitValueKind.U8 => WitValue.U8(unchecked((byte)bits)),
            WitValueKind.S16 => WitValue.S16(unchecked((short)bits)),
            WitValueKind.U16 => WitValue.U16(unchecked((ushort)bits)),
            WitValueKind.S32 => WitValue.S32(unchecked((int)bits)),
            WitValueKind.U32 => WitValue.U32(unchecked((uint)bits)),
            WitValueKind.S64 => WitValue.S64(unchecked((long)bits)),
            WitValueKind.U64 => WitValue.U64(bits),
            // NaN payloads are not guaranteed to survive the canonical ABI, so the property covers every other float.
            WitValueKind.F32 => WitValue.F32(float.IsNaN(BitConverter.UInt32BitsToSingle((uint)bits)) ? 1.5f : BitConverter.UInt32BitsToSingle((uint)bits)),
            WitValueKind.F64 => WitValue.F64(double.IsNaN(BitConverter.UInt64BitsToDouble(bits)) ? -2.5 : BitConverter.UInt64BitsToDouble(bits)),
            _ => WitValue.Char(RandomRune(random)),
        };
    }

    private static Rune RandomRune(Random random)
    {
        while (true)
        {
            int value = random.Next(4) == 0 ? random.Next(0x80) : random.Next(0x110000);
            if (Rune.IsValid(value)) return new Rune(value);
        }
    }

    private static string RandomString(Random random)
    {
        var builder = new StringBuilder();
        int length = random.Next(4) == 0 ? random.Next(2000) : random.Next(12);
        for (int i = 0; i < length; i++) builder.Append(RandomRune(random).ToString());
        return builder.ToString();
    }

    /// <summary>
    /// The component: each kind's export calls the host's identity import of that kind and returns its result.
    /// Strings go through linear memory with a bump allocator (never freed: the test's strings fit in its pages).
    /// </summary>
    private static string ComponentText()
    {
        var text = new StringBuilder();
        text.Append("(component\n  (import \"example:ids/ids\" (instance $ids\n");
        foreach (var (_, wit, _) in Kinds) text.Append($"    (export \"id-{wit}\" (func (param \"x\" {wit}) (result {wit})))\n");
        text.Append("    (export \"id-string\" (func (param \"x\" string) (result string)))))\n");
        text.Append("""
              (core module $Memory
                (memory (export "memory") 64)
                (global $next (mut i32) (i32.const 1024))
                (func (export "realloc") (param i32 i32 i32 i32) (result i32)
                  (local $start i32)
                  (local.set $start
                    (i32.and
                      (i32.add (global.get $next) (i32.sub (local.get 2) (i32.const 1)))
                      (i32.xor (i32.sub (local.get 2) (i32.const 1)) (i32.const -1))))
                  (global.set $next (i32.add (local.get $start) (local.get 3)))
                  (local.get $start)))
              (core instance $memory (instantiate $Memory))

            """);
        text.Append("  (core module $Main\n");
        foreach (var (_, wit, core) in Kinds) text.Append($"    (import \"ids\" \"id-{wit}\" (func $id-{wit} (param {core}) (result {core})))\n");
        text.Append("    (import \"ids\" \"id-string\" (func $id-string (param i32 i32 i32)))\n");
        foreach (var (_, wit, core) in Kinds) text.Append($"    (func (export \"id-{wit}\") (param {core}) (result {core}) (call $id-{wit} (local.get 0)))\n");
        text.Append("    (func (export \"id-string\") (param i32 i32) (result i32) (call $id-string (local.get 0) (local.get 1) (i32.const 16)) (i32.const 16)))\n");
        const string options = "(memory (core memory $memory \"memory\")) (realloc (core func $memory \"realloc\"))";
        foreach (var (_, wit, _) in Kinds.Append((WitValueKind.String, "string", "")))
        {
            text.Append($"  (alias export $ids \"id-{wit}\" (func $id-{wit}))\n");
            text.Append($"  (core func $lowered-{wit} (canon lower (func $id-{wit}) {options}))\n");
        }

        text.Append("  (core instance $imports\n");
        foreach (var (_, wit, _) in Kinds.Append((WitValueKind.String, "string", ""))) text.Append($"    (export \"id-{wit}\" (func $lowered-{wit}))\n");
        text.Append("  )\n  (core instance $main (instantiate $Main (with \"ids\" (instance $imports))))\n");
        foreach (var (_, wit, _) in Kinds) text.Append($"  (func (export \"id-{wit}\") (param \"x\" {wit}) (result {wit}) (canon lift (core func $main \"id-{wit}\")))\n");
        text.Append($"  (func (export \"id-string\") (param \"x\" string) (result string) (canon lift (core func $main \"id-string\") {options})))\n");
        return text.ToString();
    }
}
