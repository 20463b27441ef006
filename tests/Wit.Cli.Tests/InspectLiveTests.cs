using System.Linq;
using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Wit.Cli.Tests;

/// <summary><c>wit inspect --live</c>: a component run on the embedded engine, with calls made first.</summary>
public sealed class InspectLiveTests
{
    // `len` takes a string through realloc (a bump allocator) and grows the memory by one page per call; `boom` traps.
    private const string Component = $"""
        (component
          (core module $m
            (memory (export "memory") 1)
            {WatSnippets.BumpRealloc}
            (func (export "len") (param i32 i32) (result i32)
              (drop (memory.grow (i32.const 1)))
              (local.get 1))
            (func (export "boom") unreachable))
          (core instance $i (instantiate $m))
          (func (export "len") (param "s" string) (result u32)
            (canon lift (core func $i "len") (memory (core memory $i "memory")) (realloc (core func $i "realloc"))))
          (func (export "boom") (canon lift (core func $i "boom"))))
        """;

    [Fact]
    public void Calls_are_made_and_the_running_instance_is_reported()
    {
        using var dir = new TempDirectory();
        dir.WriteBytes("c.wasm", ComponentText.Parse(Component));

        var run = CliRun.Start(dir.Path, "inspect", "c.wasm", "--live", "--invoke", "len(\"héllo\")", "--invoke", "len(\"ab\")");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("len(\"héllo\") = 6\n", run.Output);
        Assert.Contains("len(\"ab\") = 2\n", run.Output);
        // Two calls grew the memory from 1 to 3 pages.
        Assert.Contains("core instance 0: memories [3 pages], tables [], 1 globals\n", run.Output);
        Assert.Contains("func len: 2 calls, 2 realloc calls (8 bytes), 8 bytes copied\n", run.Output);
        Assert.Contains("func boom: 0 calls", run.Output);
    }

    [Fact]
    public void A_trap_ends_the_calls_and_the_json_report_has_the_facts_after_it()
    {
        using var dir = new TempDirectory();
        dir.WriteBytes("c.wasm", ComponentText.Parse(Component));

        var run = CliRun.Start(dir.Path, "inspect", "c.wasm", "--live", "--invoke", "boom()", "--invoke", "len(\"x\")", "--format", "json");

        Assert.Equal(134, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var calls = json.RootElement.GetProperty("calls");
        Assert.Equal(1, calls.GetArrayLength());
        Assert.Contains("unreachable", calls[0].GetProperty("trap").GetString());
        var instance = json.RootElement.GetProperty("instance");
        Assert.Equal(1, instance.GetProperty("memoryCount").GetInt32());
        Assert.Equal(1u, instance.GetProperty("coreInstances")[0].GetProperty("memoryPages")[0].GetUInt32());
    }

    [Fact]
    public void Bad_arguments_are_a_usage_error()
    {
        using var dir = new TempDirectory();
        dir.WriteBytes("c.wasm", ComponentText.Parse(Component));

        var run = CliRun.Start(dir.Path, "inspect", "c.wasm", "--live", "--invoke", "len(42)");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("expected \"", run.Error);
    }

    private static string CommandComponent(string name) => Path.Combine(RepoPaths.Root, "tests", "Wit.Cli.Tests", "Programs", "components", name);

    [Fact]
    public void A_wasi_command_component_runs_with_the_wasi_host_and_its_costs_are_reported()
    {
        // hello.c (clang + wasi-libc, jco's preview1 adapter) reads its arguments and environment through WASI 0.2, which
        // the host lowers into the guest with its cabi_realloc: those imports' calls, reallocs and bytes are reported.
        var run = CliRun.Start(Path.GetDirectoryName(CommandComponent("hello.wasm"))!, "inspect", "hello.wasm", "--live", "--invoke", "wasi:cli/run@0.2.0#run()", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        // The program's output goes to stderr, so that stdout is the report alone.
        Assert.Contains("argc=1\n", run.Error);
        Assert.Contains("GREETING=(unset)\n", run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var call = Assert.Single(json.RootElement.GetProperty("calls").EnumerateArray());
        Assert.Equal("ok", call.GetProperty("result").GetString());
        var instance = json.RootElement.GetProperty("instance");
        Assert.Equal(1, instance.GetProperty("memoryCount").GetInt32());
        Assert.Contains(instance.GetProperty("coreInstances").EnumerateArray(), c => c.GetProperty("memoryPages").EnumerateArray().Any(p => p.GetUInt32() > 0));
        // The exported wasi:cli/run instance is a child instance; its run was called once.
        var child = Assert.Single(instance.GetProperty("children").EnumerateArray());
        var runFunction = Assert.Single(child.GetProperty("functions").EnumerateArray(), f => f.GetProperty("name").GetString() == "run");
        Assert.Equal(1, runFunction.GetProperty("calls").GetInt64());
        var imports = instance.GetProperty("importedFunctions").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        // get-arguments returns list<string> ["hello.wasm"]: the list's 8 bytes and the string's 10, each through the
        // guest's cabi_realloc, per call (the adapter calls it for the sizes and for the values).
        var arguments = imports.Single(p => p.Key.EndsWith("#get-arguments", System.StringComparison.Ordinal)).Value;
        long calls = arguments.GetProperty("calls").GetInt64();
        Assert.InRange(calls, 1, 2);
        Assert.Equal(2 * calls, arguments.GetProperty("reallocCalls").GetInt64());
        Assert.Equal(18 * calls, arguments.GetProperty("reallocBytes").GetInt64());
        Assert.Equal(18 * calls, arguments.GetProperty("bytesCopied").GetInt64());
        // Nothing the program did not call is listed; what it wrote to stdout went through an output stream's write.
        Assert.All(imports.Values, f => Assert.True(f.GetProperty("calls").GetInt64() > 0));
        Assert.Contains(imports.Keys, k => k.Contains("wasi:io/streams", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_wasi_command_that_exits_is_reported_with_its_exit_code_in_text()
    {
        var run = CliRun.Start(Path.GetDirectoryName(CommandComponent("exit3.wasm"))!, "inspect", "exit3.wasm", "--live", "--invoke", "wasi:cli/run@0.2.0#run()");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("exiting\n", run.Error);
        Assert.Contains("wasi:cli/run@0.2.0#run() = exit(1)\n", run.Output);
        Assert.Matches(new Regex(@"core instance \d+: memories \[\d+ pages\]"), run.Output);
        Assert.Matches(new Regex(@"  import wasi:cli/exit@0\.2\.\d+#exit: 1 calls, 0 realloc calls \(0 bytes\), \d+ bytes copied\n"), run.Output);
    }

    [Fact]
    public void Results_print_by_their_type()
    {
        // A record of an enum, flags, a char and an option, laid out at 16 by the core function.
        const string typed = """
            (component
              (core module $m
                (memory (export "memory") 1)
                (func (export "info") (result i32)
                  (i32.store8 (i32.const 16) (i32.const 1))
                  (i32.store8 (i32.const 17) (i32.const 5))
                  (i32.store (i32.const 20) (i32.const 0xE9))
                  (i32.store8 (i32.const 24) (i32.const 1))
                  (i32.store8 (i32.const 25) (i32.const 7))
                  (i32.const 16)))
              (core instance $i (instantiate $m))
              (type $e (enum "a" "b"))
              (export $et "e" (type $e))
              (type $f (flags "x" "y" "z"))
              (export $ft "f" (type $f))
              (type $r (record (field "tag" $et) (field "bits" $ft) (field "c" char) (field "v" (option u8))))
              (export $rt "r" (type $r))
              (func (export "info") (result $rt) (canon lift (core func $i "info") (memory (core memory $i "memory")))))
            """;
        using var dir = new TempDirectory();
        dir.WriteBytes("c.wasm", ComponentText.Parse(typed));

        var run = CliRun.Start(dir.Path, "inspect", "c.wasm", "--live", "--invoke", "info()");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("info() = {tag: b, bits: {x, z}, c: 'é', v: some(7)}\n", run.Output);
    }
}
