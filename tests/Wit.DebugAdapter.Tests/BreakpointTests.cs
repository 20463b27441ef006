using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using static Wit.DebugAdapter.Tests.SessionTests;

namespace Wit.DebugAdapter.Tests;

/// <summary>Function, instruction, conditional, hit-count and WAT-view breakpoints, and breakpoints set while the program runs.</summary>
public sealed class BreakpointTests
{
    private static JsonObject FunctionBreakpoint(string name, string? condition = null, string? hitCondition = null)
    {
        var bp = new JsonObject { ["name"] = name };
        if (condition != null)
        {
            bp["condition"] = condition;
        }
        if (hitCondition != null)
        {
            bp["hitCondition"] = hitCondition;
        }
        return new JsonObject { ["breakpoints"] = new JsonArray(bp) };
    }

    private static async Task<string> Local0(DapTestClient client) => (string)(await Variables(client, 1, "Wasm Locals"))[0]!["value"]!;

    /// <summary>square's calls: iteration 1 square(3), square(4); iteration 2 square(4), square(4); iteration 3 square(5), square(4).</summary>
    [Theory]
    [InlineData("local0 == 5", null, "5")]
    [InlineData("$local0 > 4", null, "5")]
    [InlineData(null, "5", "5")]
    [InlineData(null, "==2", "4")]
    [InlineData("local0 != 3", "%3", "4")]
    public async Task Conditions_and_hit_counts_choose_the_call_that_stops(string? condition, string? hit, string expected)
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.Debuggee);
        var set = await client.Request("setFunctionBreakpoints", FunctionBreakpoint("square", condition, hit));
        Assert.True((bool)set!["breakpoints"]![0]!["verified"]!);
        await client.Request("configurationDone");
        await client.Event("stopped");
        Assert.Equal(expected, await Local0(client));
        await client.Request("disconnect");
    }

    [Fact]
    public async Task A_condition_that_never_holds_lets_the_program_end()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.Debuggee);
        await client.Request("setFunctionBreakpoints", FunctionBreakpoint("square", "local0 == 1000"));
        await client.Request("configurationDone");
        Assert.Equal(98, (int)(await client.Event("exited"))["exitCode"]!);
        Assert.DoesNotContain(client.Messages, m => (string?)m["event"] == "stopped");
    }

    [Fact]
    public async Task A_condition_that_fails_to_evaluate_stops_with_the_reason_and_is_reported_once()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.Debuggee);
        var set = await client.Request("setFunctionBreakpoints", FunctionBreakpoint("square", "nosuch == 1"));
        int id = (int)set!["breakpoints"]![0]!["id"]!;
        await client.Request("configurationDone");
        for (int stop = 0; stop < 2; stop++)
        {
            var stopped = await client.Event("stopped");
            Assert.Equal("breakpoint", (string?)stopped["reason"]);
            Assert.Equal("Breakpoint condition 'nosuch == 1' failed: no local or global named 'nosuch' here", (string?)stopped["text"]);
            await client.Request("continue", new JsonObject { ["threadId"] = 1 });
        }
        await client.Event("stopped");
        Assert.Equal($"The condition 'nosuch == 1' of breakpoint {id} could not be evaluated: no local or global named 'nosuch' here. The breakpoint stops until the condition is fixed.\n", client.Output("console"));
        await client.Request("disconnect");
    }

    [Theory]
    [InlineData("!(local0 < 5)", "5")]
    [InlineData("(local0 == 3 || local0 == 5) && !(local0 == 3)", "5")]
    [InlineData("local0 > 3 && (global0 == 0 || local0 == 4)", "4")]
    public async Task Parentheses_and_not_combine_conditions_in_core_frames(string condition, string expected)
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.Debuggee);
        Assert.True((bool)(await client.Request("setFunctionBreakpoints", FunctionBreakpoint("square", condition)))!["breakpoints"]![0]!["verified"]!);
        await client.Request("configurationDone");
        await client.Event("stopped");
        Assert.Equal(expected, await Local0(client));
        await client.Request("disconnect");
    }

    [Fact]
    public async Task Unknown_functions_imports_and_bad_conditions_are_unverified_with_a_reason()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.Debuggee);
        var body = await client.Request("setFunctionBreakpoints", new JsonObject
        {
            ["breakpoints"] = new JsonArray(
                new JsonObject { ["name"] = "nosuch" },
                new JsonObject { ["name"] = "__imported_wasi_snapshot_preview1_fd_write" },
                new JsonObject { ["name"] = "square", ["condition"] = "local0 ==" },
                new JsonObject { ["name"] = "square", ["hitCondition"] = "often" },
                new JsonObject { ["name"] = "_start" }),
        });
        var bps = (JsonArray)body!["breakpoints"]!;
        Assert.Equal(new[] { false, false, false, false, true }, bps.Select(b => (bool)b!["verified"]!));
        Assert.Contains("no function named 'nosuch'", (string?)bps[0]!["message"]);
        Assert.Contains("imported", (string?)bps[1]!["message"]);
        Assert.Contains("invalid condition", (string?)bps[2]!["message"]);
        Assert.Contains("hit condition", (string?)bps[3]!["message"]);
        // _start is found by its export name too.
        var byExport = await client.Request("setFunctionBreakpoints", FunctionBreakpoint("_start"));
        Assert.True((bool)byExport!["breakpoints"]![0]!["verified"]!);
        var line = await client.Request("setBreakpoints", SourceBreakpoints(1));
        // Line 1 is a comment: the breakpoint moves to the first line with code.
        Assert.Equal(LineOf("static int square(int v) {"), (int)line!["breakpoints"]![0]!["line"]!);
        var none = await client.Request("setBreakpoints", new JsonObject
        {
            ["source"] = new JsonObject { ["path"] = "/nowhere/other.c" },
            ["breakpoints"] = new JsonArray(new JsonObject { ["line"] = 3 }),
        });
        Assert.False((bool)none!["breakpoints"]![0]!["verified"]!);
    }

    [Fact]
    public async Task An_instruction_breakpoint_stops_at_its_offset_and_must_start_an_instruction()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.Debuggee);
        var fn = await client.Request("setFunctionBreakpoints", FunctionBreakpoint("sum_squares"));
        string address = (string)fn!["breakpoints"]![0]!["instructionReference"]!;
        await client.Request("setFunctionBreakpoints", new JsonObject { ["breakpoints"] = new JsonArray() });
        // The disassembly around it: two instructions before, the one at it, two after.
        var dis = (JsonArray)(await client.Request("disassemble", new JsonObject
        {
            ["memoryReference"] = address, ["instructionOffset"] = -2, ["instructionCount"] = 5, ["resolveSymbols"] = true,
        }))!["instructions"]!;
        Assert.Equal(5, dis.Count);
        Assert.Equal(address, (string?)dis[2]!["address"]);
        Assert.Equal("sum_squares", (string?)dis[2]!["symbol"]);
        string next = (string)dis[3]!["address"]!;
        var set = await client.Request("setInstructionBreakpoints", new JsonObject
        {
            ["breakpoints"] = new JsonArray(
                new JsonObject { ["instructionReference"] = next },
                new JsonObject { ["instructionReference"] = next, ["offset"] = 1 }),
        });
        var bps = (JsonArray)set!["breakpoints"]!;
        Assert.True((bool)bps[0]!["verified"]!);
        Assert.False((bool)bps[1]!["verified"]!);
        Assert.Contains("does not start an instruction", (string?)bps[1]!["message"]);
        await client.Request("configurationDone");
        Assert.Equal("breakpoint", (string?)(await client.Event("stopped"))["reason"]);
        var top = (await Frames(client))[0]!;
        Assert.Equal(next, (string?)top["instructionPointerReference"]);

        // Stepping by instruction moves to the next one in the disassembly.
        await client.Request("next", new JsonObject { ["threadId"] = 1, ["granularity"] = "instruction" });
        Assert.Equal("step", (string?)(await client.Event("stopped"))["reason"]);
        Assert.Equal((string?)dis[4]!["address"], (string?)(await Frames(client))[0]!["instructionPointerReference"]);
        await client.Request("disconnect");
    }

    [Fact]
    public async Task The_WAT_view_shows_code_without_source_and_takes_line_breakpoints()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.Debuggee, new JsonObject { ["stopOnEntry"] = true });
        await client.Request("configurationDone");
        Assert.Equal("entry", (string?)(await client.Event("stopped"))["reason"]);
        var top = (await Frames(client))[0]!;
        Assert.StartsWith("_start", (string?)top["name"]);
        // crt1-command.c is not on this disk: the frame shows the synthesized WAT view.
        int reference = (int)top["source"]!["sourceReference"]!;
        Assert.True(reference > 0);
        string wat = (string)(await client.Request("source", new JsonObject { ["sourceReference"] = reference }))!["content"]!;
        var lines = wat.Split('\n');
        int line = (int)top["line"]!;
        string pc = ((string)top["instructionPointerReference"]!)[2..];
        Assert.EndsWith("@" + pc, lines[line - 1]);
        Assert.Contains("(func $square", wat);

        // A breakpoint on the line of square's first instruction in the view (after its header and locals) stops there.
        int square = Array.FindIndex(lines, l => l.Contains("(func $square", StringComparison.Ordinal)) + 1;
        int target = square + (lines[square].TrimStart().StartsWith("(local", StringComparison.Ordinal) ? 2 : 1);
        var set = await client.Request("setBreakpoints", new JsonObject
        {
            ["source"] = new JsonObject { ["sourceReference"] = reference },
            ["breakpoints"] = new JsonArray(new JsonObject { ["line"] = target }),
        });
        Assert.True((bool)set!["breakpoints"]![0]!["verified"]!, set.ToJsonString());
        Assert.Equal(target, (int)set["breakpoints"]![0]!["line"]!);
        await client.Request("continue", new JsonObject { ["threadId"] = 1 });
        Assert.Equal("breakpoint", (string?)(await client.Event("stopped"))["reason"]);
        var stop = (await Frames(client))[0]!;
        Assert.Equal("square", (string?)stop["name"]);
        // square has DWARF and its source is here: the frame shows the C line; its pc is the view's line's.
        Assert.Equal(DapTestClient.DebuggeeSource, (string?)stop["source"]!["path"]);
        Assert.EndsWith("@" + ((string)stop["instructionPointerReference"]!)[2..], lines[target - 1]);
        await client.Request("disconnect");
    }

    /// <summary>(func (export "_start") (loop br 0)): runs until stopped.</summary>
    internal static string EndlessLoop()
    {
        byte[] module =
        {
            0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
            0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
            0x03, 0x02, 0x01, 0x00,
            0x07, 0x0A, 0x01, 0x06, (byte)'_', (byte)'s', (byte)'t', (byte)'a', (byte)'r', (byte)'t', 0x00, 0x00,
            0x0A, 0x09, 0x01, 0x07, 0x00, 0x03, 0x40, 0x0C, 0x00, 0x0B, 0x0B,
        };
        string path = Path.Combine(Path.GetTempPath(), $"wit-dap-loop-{Guid.NewGuid():N}.wasm");
        File.WriteAllBytes(path, module);
        return path;
    }

    [Fact]
    public async Task Breakpoints_set_while_running_take_effect_and_pause_stops_a_loop()
    {
        string program = EndlessLoop();
        try
        {
            await using var client = new DapTestClient();
            await client.Launch(program);
            await client.Request("configurationDone");
            await client.Request("pause", new JsonObject { ["threadId"] = 1 });
            Assert.Equal("pause", (string?)(await client.Event("stopped"))["reason"]);
            var frame = (await Frames(client))[0]!;
            Assert.Equal(1, (int)frame["source"]!["sourceReference"]!);
            await client.Request("continue", new JsonObject { ["threadId"] = 1 });

            // br 0 is at offset 0x25: the body (0x21) is its size, its locals (0x22), loop (0x23) and its block type (0x24) first.
            var set = await client.Request("setInstructionBreakpoints", new JsonObject
            {
                ["breakpoints"] = new JsonArray(new JsonObject { ["instructionReference"] = "0x25" }),
            });
            Assert.True((bool)set!["breakpoints"]![0]!["verified"]!);
            Assert.Equal("breakpoint", (string?)(await client.Event("stopped"))["reason"]);
            Assert.Equal("0x25", (string?)(await Frames(client))[0]!["instructionPointerReference"]);

            await client.Request("terminate");
            await client.Event("exited");
            await client.EventMessage("terminated");
            // The session outlives its program.
            Assert.Single((JsonArray)(await client.Request("threads"))!["threads"]!);
            await client.Request("disconnect");
        }
        finally
        {
            File.Delete(program);
        }
    }
}
