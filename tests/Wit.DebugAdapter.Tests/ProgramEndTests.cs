using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using static Wit.DebugAdapter.Tests.SessionTests;

namespace Wit.DebugAdapter.Tests;

/// <summary>How programs end: a trap (stopped with the wasm stack, or not, by the exception filter), exit(), termination; and memory.</summary>
public sealed class ProgramEndTests
{
    private static JsonObject Argv(params string[] args) => new() { ["args"] = new JsonArray(args.Select(a => (JsonNode)JsonValue.Create(a)).ToArray()) };

    [Fact]
    public async Task A_trap_stops_with_the_wasm_stack_and_continue_ends_the_program_with_134()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.Debuggee, Argv("trap"));
        await client.Request("setExceptionBreakpoints", new JsonObject { ["filters"] = new JsonArray("traps") });
        await client.Request("configurationDone");
        var stopped = await client.Event("stopped");
        Assert.Equal("exception", (string?)stopped["reason"]);
        Assert.Equal("unreachable", (string?)stopped["text"]);

        var info = await client.Request("exceptionInfo", new JsonObject { ["threadId"] = 1 });
        Assert.Equal("trap", (string?)info!["exceptionId"]);
        Assert.Equal("always", (string?)info["breakMode"]);
        string stack = (string)info["details"]!["stackTrace"]!;
        var stackLines = stack.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("  at crash (@0x", stackLines[0]);
        Assert.EndsWith($"debuggee.c:{LineOf("__builtin_trap();")}", stackLines[0]);
        Assert.StartsWith("  at main (@0x", stackLines[1]);

        var frames = await Frames(client);
        Assert.Equal(new[] { "crash", "main" }, frames.Take(2).Select(f => (string?)f!["name"]));
        Assert.Equal(LineOf("__builtin_trap();"), (int)frames[0]!["line"]!);
        // The interpreter kept every frame's locals at the trap: main's C variables after its loop, its wasm locals.
        var scopes = (JsonArray)(await client.Request("scopes", new JsonObject { ["frameId"] = 2 }))!["scopes"]!;
        Assert.Equal(new[] { "Locals", "Wasm Locals", "Operand Stack", "Globals" }, scopes.Select(s => (string?)s!["name"]));
        var main = await Variables(client, 2, "Locals");
        Assert.Equal("2", DwarfLocalsTests.Value(main, "argc"));
        Assert.Equal("98", DwarfLocalsTests.Value(main, "total"));
        Assert.Equal("{x=6, y=4}", DwarfLocalsTests.Value(main, "p"));
        Assert.NotEmpty(await Variables(client, 2, "Wasm Locals"));
        var total = await client.Request("evaluate", new JsonObject { ["expression"] = "total", ["frameId"] = 2, ["context"] = "hover" });
        Assert.Equal("98", (string?)total!["result"]);

        // Stepping after a trap only lets the program end.
        await client.Request("next", new JsonObject { ["threadId"] = 1 });
        Assert.Equal(134, (int)(await client.Event("exited"))["exitCode"]!);
        Assert.Contains("trap: unreachable", client.Output("stderr"));
    }

    [Fact]
    public async Task Without_the_trap_filter_a_trap_ends_the_program_at_once()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.Debuggee, Argv("trap"));
        await client.Request("setExceptionBreakpoints", new JsonObject { ["filters"] = new JsonArray() });
        await client.Request("configurationDone");
        Assert.Equal(134, (int)(await client.Event("exited"))["exitCode"]!);
        Assert.DoesNotContain(client.Messages, m => (string?)m["event"] == "stopped");
        var unknown = await client.TryRequest("setExceptionBreakpoints", new JsonObject { ["filters"] = new JsonArray("everything") });
        Assert.False((bool)unknown["success"]!);
    }

    [Fact]
    public async Task Exit_ends_with_its_code_and_the_arguments_and_environment_reach_the_program()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.Debuggee, Argv("exit"));
        await client.Request("configurationDone");
        Assert.Equal(3, (int)(await client.Event("exited"))["exitCode"]!);
        await client.EventMessage("terminated");
        // Before exit(3) the program printed its total.
        Assert.Equal("total=98\n", client.Output("stdout"));
    }

    [Fact]
    public async Task Memory_reads_and_writes_go_to_the_instance_memory()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.Debuggee);
        await client.Request("setBreakpoints", SourceBreakpoints(LineOf("int a = square(p.x);")));
        await client.Request("configurationDone");
        await client.Event("stopped");
        // sum_squares(struct point p): the struct is passed by pointer, wasm local 0; at the first call it holds {3, 4}.
        var locals = await Variables(client, 1, "Wasm Locals");
        string pointer = (string)locals[0]!["memoryReference"]!;
        var read = await client.Request("readMemory", new JsonObject { ["memoryReference"] = pointer, ["count"] = 8 });
        Assert.Equal(new byte[] { 3, 0, 0, 0, 4, 0, 0, 0 }, Convert.FromBase64String((string)read!["data"]!));
        Assert.Equal(pointer, (string?)read["address"]);

        var write = await client.Request("writeMemory", new JsonObject
        {
            ["memoryReference"] = pointer, ["offset"] = 4, ["data"] = Convert.ToBase64String(new byte[] { 10, 0, 0, 0 }),
        });
        Assert.Equal(4, (int)write!["bytesWritten"]!);
        var back = await client.Request("readMemory", new JsonObject { ["memoryReference"] = pointer, ["offset"] = 4, ["count"] = 4 });
        Assert.Equal(new byte[] { 10, 0, 0, 0 }, Convert.FromBase64String((string)back!["data"]!));
        var x = await client.Request("evaluate", new JsonObject { ["expression"] = "i32[local0]", ["frameId"] = 1 });
        Assert.Equal("3", (string?)x!["result"]);

        // Past the end: unreadable bytes, and a write that does not fit fails unless partial writes are allowed.
        var tail = await client.Request("readMemory", new JsonObject { ["memoryReference"] = "0x7fffffff", ["count"] = 16 });
        Assert.Equal(16, (int)tail!["unreadableBytes"]!);
        Assert.Equal("", (string?)tail["data"]);
        var tooFar = await client.TryRequest("writeMemory", new JsonObject { ["memoryReference"] = "0x7fffffff", ["data"] = "AAAA" });
        Assert.False((bool)tooFar["success"]!);

        // The write changed the program's result: p.y is 10 in the first call's copy, so b = 100 there and the total is 98 - 16 + 100.
        await client.Request("setBreakpoints", SourceBreakpoints());
        await client.Request("continue", new JsonObject { ["threadId"] = 1 });
        Assert.Equal((98 - 16 + 100) % 256, (int)(await client.Event("exited"))["exitCode"]!);
    }

    [Fact]
    public async Task Preopens_give_the_program_its_directories_in_both_spellings()
    {
        string dir = Path.Combine(Path.GetTempPath(), "wit-dap-preopen-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "in.txt"), "from the host\n");
        string program = Path.Combine(RepoPaths.Root, "tests", "Wit.Runtime.Tests", "Programs", "wasi_files.wasm");
        try
        {
            foreach (JsonNode preopens in new JsonNode[] { new JsonObject { ["/work"] = dir }, new JsonArray(dir + "::/work") })
            {
                await using var client = new DapTestClient();
                await client.Launch(program, new JsonObject
                {
                    ["args"] = new JsonArray("/work/in.txt", "/work/out.txt", "/work/../x"),
                    ["preopens"] = preopens,
                });
                await client.Request("configurationDone");
                Assert.Equal(0, (int)(await client.Event("exited"))["exitCode"]!);
                Assert.Equal("read 14 of 14: from the host\noutside: Capabilities insufficient\n", client.Output("stdout"));
                Assert.Equal("copied: from the host\n", File.ReadAllText(Path.Combine(dir, "out.txt")));
                File.Delete(Path.Combine(dir, "out.txt"));
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
