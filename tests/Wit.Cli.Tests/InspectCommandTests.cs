using System.IO;
using System.Text.Json;
using Xunit;

namespace Wit.Cli.Tests;

/// <summary><c>wit inspect</c> on compositions built from component text (jco's parser) and on a core module.</summary>
public sealed class InspectCommandTests
{
    // Two core modules with a memory each, and a nested component (with a memory of its own) instantiated twice,
    // then re-exported: 2 + 2 × 1 = 4 memories per instantiation (the re-export is not another instance).
    private const string Composition = """
        (component
          (core module $a (memory (export "m") 1 2) (func (export "f") (result i32) i32.const 1))
          (core module $b (import "a" "f" (func (result i32))) (memory 3) (data (i32.const 0) "hello"))
          (core instance $ia (instantiate $a))
          (core instance $ib (instantiate $b (with "a" (instance $ia))))
          (func $f (result u32) (canon lift (core func $ia "f")))
          (component $c
            (core module $x (memory 1 1))
            (core instance (instantiate $x))
            (import "g" (func (result u32)))
            (export "h" (func 0)))
          (instance $i1 (instantiate $c (with "g" (func $f))))
          (instance $i2 (instantiate $c (with "g" (func $f))))
          (export "wasi:cli/run@0.2.0" (instance $i1)))
        """;

    [Fact]
    public void The_text_report_shows_the_instance_tree_and_warns_about_the_memories()
    {
        using var dir = new TempDirectory();
        dir.WriteBytes("c.wasm", ComponentText.Parse(Composition));
        var run = CliRun.Start(dir.Path, "inspect", "c.wasm");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("core instance 1: instantiate module 1 with { a: core instance 0 }\n", run.Output);
        Assert.Contains("instance 0: instantiate component 0 with { g: func 0 }\n", run.Output);
        Assert.Contains("instance 2: export `wasi:cli/run@0.2.0` of instance 0\n", run.Output);
        Assert.Contains("memory 0: 3.. pages (no maximum)\n", run.Output);
        Assert.Contains("1 data segments (5 bytes)", run.Output);
        Assert.Contains("canon lift core func 0 as func() -> u32\n", run.Output);
        Assert.Contains("export wasi:cli/run@0.2.0: interface { h: func() -> u32; }\n", run.Output);
        Assert.Contains("memories per instantiation: 4 ", run.Output);
        Assert.Contains("instance 1 > core instance 0 (module 0) memory 0: 1..1 pages", run.Output);
        Assert.Contains("warning: this composition creates 4 linear memories per instantiation; under Wasmtime's defaults they reserve 24 GiB", run.Error);
    }

    [Fact]
    public void The_json_report_counts_memories_per_module_and_per_instantiation()
    {
        using var dir = new TempDirectory();
        dir.WriteBytes("c.wasm", ComponentText.Parse(Composition));
        var run = CliRun.Start(dir.Path, "inspect", "c.wasm", "--format", "json");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("component", root.GetProperty("kind").GetString());
        Assert.Equal(4, root.GetProperty("memories").GetProperty("count").GetInt64());
        Assert.Equal(4UL * (6UL << 30), root.GetProperty("memories").GetProperty("reservedBytes").GetUInt64());
        var component = root.GetProperty("component");
        Assert.Equal(2, component.GetProperty("modules").GetArrayLength());
        var first = component.GetProperty("modules")[0].GetProperty("memories")[0];
        Assert.Equal(1UL, first.GetProperty("initialPages").GetUInt64());
        Assert.Equal(2UL, first.GetProperty("maximumPages").GetUInt64());
        var nested = Assert.Single(component.GetProperty("components").EnumerateArray());
        Assert.Equal(1, nested.GetProperty("instantiatedMemories").GetInt64());
        Assert.Equal("instantiate", component.GetProperty("instances")[1].GetProperty("kind").GetString());
        Assert.Single(root.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public void One_memory_is_no_warning_and_a_core_module_is_reported_too()
    {
        using var dir = new TempDirectory();
        dir.WriteBytes("m.wasm", ComponentText.Parse("(module (memory 2 10) (table 1 funcref) (global (mut i32) (i32.const 0)))"));
        var run = CliRun.Start(dir.Path, "inspect", "m.wasm");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("core module m.wasm", run.Output);
        Assert.Contains("memory 0: 2..10 pages\n", run.Output);
        Assert.Contains("table 0: funcref 1..\n", run.Output);
        Assert.Contains("1 globals (1 mutable)", run.Output);
        Assert.Contains("memories per instantiation: 1 ", run.Output);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void A_malformed_binary_is_an_error_with_its_offset()
    {
        using var dir = new TempDirectory();
        dir.WriteBytes("bad.wasm", new byte[] { 0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0, 0x42, 0 });
        var run = CliRun.Start(dir.Path, "inspect", "bad.wasm");
        Assert.Equal(ExitCodes.UsageOrIoError, run.ExitCode);
        Assert.Contains("error: bad.wasm: unknown section: 0x42 (at offset 0x8)", run.Error);
    }
}

/// <summary><c>wit wit</c> (also <c>wit component-wit</c>) prints the WIT of an encoded package, and of a component's imports and exports.</summary>
public sealed class WitCommandTests
{
    [Fact]
    public void An_encoded_package_prints_as_wit()
    {
        using var dir = new TempDirectory();
        string corpus = RepoPaths.Corpus("wit-print");
        dir.WriteBytes("p.wasm", ComponentText.Parse(File.ReadAllText(Path.Combine(corpus, "simple-use.wat"))));
        var run = CliRun.Start(dir.Path, "wit", "p.wasm");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            "package foo:foo;\n\ninterface types {\n  enum level {\n    info,\n    debug,\n  }\n}\n\n" +
            "interface console {\n  use types.{level};\n  log: func(level: level, msg: string);\n}\n",
            run.Output);
    }

    [Fact]
    public void A_component_prints_as_a_root_world_with_the_interfaces_it_imports_as_nested_packages()
    {
        using var dir = new TempDirectory();
        dir.WriteBytes("c.wasm", ComponentText.Parse("""
            (component
              (import "wasi:cli/environment@0.2.0" (instance (export "get-arguments" (func (result (list string))))))
              (import "log" (func (param "msg" string))))
            """));
        foreach (string name in new[] { "wit", "component-wit" })
        {
            var run = CliRun.Start(dir.Path, name, "c.wasm");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(
                "package root:component;\n\nworld root {\n  import wasi:cli/environment@0.2.0;\n  import log: func(msg: string);\n}\n\n" +
                "package wasi:cli@0.2.0 {\n  interface environment {\n    get-arguments: func() -> list<string>;\n  }\n}\n",
                run.Output);
        }
    }

    [Fact]
    public void A_core_module_is_a_clear_error()
    {
        using var dir = new TempDirectory();
        dir.WriteBytes("m.wasm", ComponentText.Parse("(module)"));
        var run = CliRun.Start(dir.Path, "component-wit", "m.wasm");
        Assert.Equal(ExitCodes.UsageOrIoError, run.ExitCode);
        Assert.Contains("not a component", run.Error);
    }
}
