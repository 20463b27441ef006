using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Runtime.Binary;
using Wit.Runtime.Component;
using Xunit;

namespace Wit.Runtime.Tests.Components;

/// <summary>The component decoder on components built from component text with jco's parser.</summary>
public sealed class ComponentDecoderTests
{
    private const string Composition = """
        (component
          (import "wasi:cli/environment@0.2.0" (instance $env
            (export "get-arguments" (func (result (list string))))))
          (core module $libc
            (memory (export "memory") 1 2)
            (func (export "realloc") (param i32 i32 i32 i32) (result i32) i32.const 0))
          (core instance $libc (instantiate $libc))
          (core func $args (canon lower (func $env "get-arguments") (memory (core memory $libc "memory")) (realloc (core func $libc "realloc"))))
          (core module $main
            (import "env" "get-arguments" (func (param i32)))
            (memory (export "memory") 3)
            (func (export "run") (result i32) i32.const 0))
          (core instance $main (instantiate $main
            (with "env" (instance (export "get-arguments" (func $args))))))
          (type $R (resource (rep i32)))
          (core func $new (canon resource.new $R))
          (func $run (result (result)) (canon lift (core func $main "run")))
          (component $inner
            (import "f" (func $f (result (result))))
            (export "run" (func $f)))
          (instance $run (instantiate $inner (with "f" (func $run))))
          (export "wasi:cli/run@0.2.0" (instance $run)))
        """;

    [Fact]
    public void A_composition_decodes_into_its_index_spaces_and_definitions()
    {
        var bytes = ComponentText.Parse(Composition);
        Assert.True(ComponentDecoder.IsComponent(bytes));
        var c = ComponentDecoder.Decode(bytes);

        Assert.Equal(new[] { "wasi:cli/environment@0.2.0" }, c.Imports.Select(i => i.Name));
        Assert.Equal(new[] { "wasi:cli/run@0.2.0" }, c.Exports.Select(e => e.Name));
        var modules = c.Items.OfType<CoreModuleItem>().ToList();
        Assert.Equal(2, modules.Count);
        Assert.Equal(new ulong?[] { 2, null }, modules.Select(m => m.Module.Memories[0].Limits.Max));
        // Nested module offsets are offsets into the component's bytes: the module's magic is there.
        Assert.All(modules, m => Assert.Equal(new byte[] { 0, 0x61, 0x73, 0x6d, 1, 0, 0, 0 }, bytes[m.ModuleOffset..(m.ModuleOffset + 8)]));

        var instances = c.Items.OfType<CoreInstanceItem>().ToList();
        Assert.Equal(new int?[] { 0, null, 1 }, instances.Select(i => i.Module));
        Assert.Equal("env", instances[2].Args.Single().Name);

        var canons = c.Items.OfType<CanonItem>().ToList();
        Assert.Equal(new[] { CanonKind.Lower, CanonKind.ResourceNew, CanonKind.Lift }, canons.Select(x => x.Kind));
        // list<string> lowered: the result goes through a return pointer, so the core type is [i32] -> [].
        Assert.Equal("[i32] -> []", canons[0].CoreType!.ToString());
        Assert.NotNull(canons[0].Options.Memory);
        Assert.NotNull(canons[0].Options.Realloc);
        Assert.Equal("[i32] -> [i32]", canons[1].CoreType!.ToString());

        var nested = Assert.Single(c.Items.OfType<NestedComponentItem>());
        Assert.Equal("f", nested.Component.Imports.Single().Name);
        var instance = Assert.Single(c.Items.OfType<InstanceItem>());
        Assert.Equal(0, instance.Component);
        Assert.Equal(new[] { "f" }, instance.Args.Select(a => a.Name));
        var run = (InstanceTypeDef)c.Exports.Single().Desc.Type;
        var runType = (FuncTypeDef)run.Export("run")!.Type;
        Assert.IsType<ResultTypeDef>(runType.Result);
    }

    private static WasmException Rejected(string text)
    {
        var bytes = ComponentText.Parse(text);
        return Assert.Throws<WasmException>(() => ComponentDecoder.Decode(bytes));
    }

    [Fact]
    public void A_lift_whose_core_type_does_not_flatten_from_the_function_type_is_invalid_at_the_core_function()
    {
        var e = Rejected("""
            (component
              (core module $m (func (export "f") (param i64)))
              (core instance $i (instantiate $m))
              (func (param "x" u32) (canon lift (core func $i "f"))))
            """);
        Assert.Equal(WasmErrorKind.Invalid, e.Kind);
        Assert.Contains("expected [i32] -> [], found [i64] -> []", e.Reason);
        Assert.True(e.Offset > 8);
    }

    [Fact]
    public void Core_tags_are_typed_in_module_types_and_instantiation_arguments()
    {
        // A module type's tag import decodes with its type; a tag of another type as the argument is a type mismatch.
        var ok = ComponentDecoder.Decode(ComponentText.Parse("""
            (component
              (core type $mt (module (import "m" "t" (tag (param i32)))))
              (core module $tags (tag (export "t") (param i32)))
              (core module $user (import "m" "t" (tag (param i32))))
              (core instance $t (instantiate $tags))
              (core instance (instantiate $user (with "m" (instance $t)))))
            """));
        Assert.Equal(2, ok.CoreInstances.Count);
        var e = Rejected("""
            (component
              (core module $tags (tag (export "t") (param i64)))
              (core module $user (import "m" "t" (tag (param i32))))
              (core instance $t (instantiate $tags))
              (core instance (instantiate $user (with "m" (instance $t)))))
            """);
        Assert.Equal(WasmErrorKind.Invalid, e.Kind);
        Assert.Contains("type mismatch for export `t` of module instantiation argument `m`", e.Reason);
    }

    [Fact]
    public void An_instantiation_argument_of_the_wrong_type_is_a_type_mismatch()
    {
        var e = Rejected("""
            (component
              (import "g" (func $g (param "x" string)))
              (component $c (import "f" (func (param "x" u32))))
              (instance (instantiate $c (with "f" (func $g)))))
            """);
        Assert.Equal("type mismatch for import `f`", e.Reason);
    }

    [Fact]
    public void A_missing_instantiation_argument_is_named()
    {
        var e = Rejected("""
            (component
              (component $c (import "f" (func)))
              (instance (instantiate $c)))
            """);
        Assert.Equal("missing import named `f`", e.Reason);
    }

    [Fact]
    public void A_string_parameter_without_memory_needs_the_memory_option()
    {
        var e = Rejected("""
            (component
              (core module $m (func (export "f") (param i32 i32)))
              (core instance $i (instantiate $m))
              (func (param "s" string) (canon lift (core func $i "f"))))
            """);
        Assert.Equal("canonical option `memory` is required", e.Reason);
    }

    [Fact]
    public void An_invalid_nested_core_module_is_reported_at_its_offset_in_the_component()
    {
        var bytes = ComponentText.Parse("""
            (component
              (core module (func (result i32) i64.const 1)))
            """);
        var e = Assert.Throws<WasmException>(() => ComponentDecoder.Decode(bytes));
        Assert.Equal(WasmErrorKind.Invalid, e.Kind);
        Assert.Equal("type mismatch", e.Reason);
        int module = IndexOf(bytes, new byte[] { 0, 0x61, 0x73, 0x6d, 1, 0, 0, 0 }, 1);
        Assert.InRange(e.Offset, module + 8, bytes.Length);
    }

    [Fact]
    public void Async_built_ins_are_rejected_as_not_yet_supported_with_their_names()
    {
        var e = Rejected("""
            (component
              (core func (canon waitable-set.new)))
            """);
        Assert.Equal(WasmErrorKind.Unsupported, e.Kind);
        Assert.Equal("not yet supported: waitable-set.new", e.Reason);
    }

    [Fact]
    public void An_out_of_range_index_is_invalid_with_its_offset()
    {
        // (component (export "f" (func 7))) written by hand: the text parser would not resolve index 7.
        var bytes = new List<byte> { 0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00 };
        bytes.AddRange(new byte[] { 11, 7, 1, 0x00, 1, (byte)'f', 0x01, 7, 0x00 });
        var e = Assert.Throws<WasmException>(() => ComponentDecoder.Decode(bytes.ToArray()));
        Assert.Equal(WasmErrorKind.Invalid, e.Kind);
        Assert.Equal("unknown func 7: func index out of bounds", e.Reason);
        Assert.Equal(15, e.Offset);
    }

    [Fact]
    public void A_core_module_is_not_a_component()
    {
        var e = Assert.Throws<WasmException>(() => ComponentDecoder.Decode(new byte[] { 0, 0x61, 0x73, 0x6d, 1, 0, 0, 0 }));
        Assert.Equal("expected a component, found a core module", e.Reason);
        Assert.Equal(4, e.Offset);
    }

    [Fact]
    public void Deeply_nested_components_and_types_stop_at_the_nesting_limit()
    {
        // Nested components, each section 4 holding the next one, built from the inside out.
        byte[] component = { 0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00 };
        for (int i = 0; i < ComponentDecoder.MaxNesting + 5; i++)
        {
            var outer = new List<byte> { 0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00, 4 };
            outer.AddRange(Leb(component.Length));
            outer.AddRange(component);
            component = outer.ToArray();
        }
        var e = Assert.Throws<WasmException>(() => ComponentDecoder.Decode(component));
        Assert.Contains("nested too deeply", e.Reason);

        // A chain of 10,000 option types, each referring to the one before.
        var types = new List<byte>();
        types.AddRange(Leb(10_001));
        types.Add(0x79); // u32
        for (int i = 0; i < 10_000; i++)
        {
            types.Add(0x6b);
            types.AddRange(Sleb(i)); // a value type's index is an s33
        }
        var deep = new List<byte> { 0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00, 7 };
        deep.AddRange(Leb(types.Count));
        deep.AddRange(types);
        var e2 = Assert.Throws<WasmException>(() => ComponentDecoder.Decode(deep.ToArray()));
        Assert.Contains("type nesting is too deep", e2.Reason);
    }

    internal static byte[] Leb(int value)
    {
        var b = new List<byte>();
        uint v = (uint)value;
        do
        {
            byte x = (byte)(v & 0x7f);
            v >>= 7;
            b.Add(v != 0 ? (byte)(x | 0x80) : x);
        }
        while (v != 0);
        return b.ToArray();
    }

    private static byte[] Sleb(long value)
    {
        var b = new List<byte>();
        while (true)
        {
            byte x = (byte)(value & 0x7f);
            value >>= 7;
            bool done = (value == 0 && (x & 0x40) == 0) || (value == -1 && (x & 0x40) != 0);
            b.Add(done ? x : (byte)(x | 0x80));
            if (done)
            {
                return b.ToArray();
            }
        }
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int from)
    {
        for (int i = from; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }
        return -1;
    }
}
