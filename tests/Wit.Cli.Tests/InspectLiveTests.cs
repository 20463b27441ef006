using System.Text.Json;
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
}
