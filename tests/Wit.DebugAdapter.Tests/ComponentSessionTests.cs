using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using static Wit.DebugAdapter.Tests.SessionTests;

namespace Wit.DebugAdapter.Tests;

/// <summary>
/// Sessions on a component (Programs/debuggee-component.wasm: the C fixture inside jco's preview1 adapter): it runs on
/// the WASI 0.2 host, and the core code with DWARF inside it breaks, steps and shows its C locals as a core module's.
/// </summary>
public sealed class ComponentSessionTests
{
    [Fact]
    public async Task A_source_breakpoint_in_the_component_stops_with_the_C_frames_and_locals_and_the_run_ends()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.DebuggeeComponent);
        int line = LineOf("int a = square(p.x);");
        var bp = (await client.Request("setBreakpoints", SourceBreakpoints(line)))!["breakpoints"]![0]!;
        Assert.True((bool)bp["verified"]!);
        await client.Request("configurationDone");

        Assert.Equal("breakpoint", (string?)(await client.Event("stopped"))["reason"]);
        var frames = await Frames(client);
        Assert.Equal(new[] { "sum_squares", "main" }, frames.Take(2).Select(f => (string?)f!["name"]));
        Assert.Equal(line, (int)frames[0]!["line"]!);
        Assert.Equal(DapTestClient.DebuggeeSource, (string?)frames[0]!["source"]!["path"]);
        // The adapter's frames (its run export, which calls _start) are not the image's: only the C program's show.
        Assert.All(frames, f => Assert.DoesNotContain("adapter", (string?)f!["name"] ?? ""));

        // The struct parameter of sum_squares is read from the component's memory.
        var locals = await Variables(client, 1, "Locals");
        var p = locals.First(v => (string?)v!["name"] == "p")!;
        Assert.Equal("struct point", (string?)p["type"]);
        Assert.Equal("{x=3, y=4}", (string?)p["value"]);

        // Stepping goes by C line inside the component: over, into square, out.
        await client.Request("next", new JsonObject { ["threadId"] = 1 });
        Assert.Equal("step", (string?)(await client.Event("stopped"))["reason"]);
        Assert.Equal(("sum_squares", LineOf("int b = square(p.y);")), await Top(client));
        await client.Request("stepIn", new JsonObject { ["threadId"] = 1 });
        await client.Event("stopped");
        Assert.Equal(("square", LineOf("int result = v * v;")), await Top(client));
        await client.Request("stepOut", new JsonObject { ["threadId"] = 1 });
        await client.Event("stopped");
        Assert.Equal("sum_squares", (await Top(client)).Name);

        await client.Request("setBreakpoints", SourceBreakpoints());
        await client.Request("continue", new JsonObject { ["threadId"] = 1 });
        // main returns 98: through the preview1 adapter that is wasi:cli/exit's error, exit code 1 under WASI 0.2.
        Assert.Equal(1, (int)(await client.Event("exited"))["exitCode"]!);
        await client.EventMessage("terminated");
        Assert.Equal("total=98\n", client.Output("stdout"));
        Assert.Equal("done\n", client.Output("stderr"));
    }

    [Fact]
    public async Task Arguments_reach_the_component_and_a_trap_stops_in_its_C_code()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.DebuggeeComponent, new JsonObject { ["args"] = new JsonArray("trap") });
        await client.Request("setExceptionBreakpoints", new JsonObject { ["filters"] = new JsonArray("traps") });
        await client.Request("configurationDone");
        var stopped = await client.Event("stopped");
        Assert.Equal("exception", (string?)stopped["reason"]);
        var frames = await Frames(client);
        Assert.Equal(new[] { "crash", "main" }, frames.Take(2).Select(f => (string?)f!["name"]));
        Assert.Equal(LineOf("__builtin_trap();"), (int)frames[0]!["line"]!);
        await client.Request("continue", new JsonObject { ["threadId"] = 1 });
        Assert.Equal(134, (int)(await client.Event("exited"))["exitCode"]!);
    }

    [Fact]
    public async Task Stop_on_entry_stops_at_the_first_instruction_of_the_C_program_not_of_the_adapter()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.DebuggeeComponent, new JsonObject { ["stopOnEntry"] = true, ["args"] = new JsonArray("exit") });
        await client.Request("configurationDone");
        Assert.Equal("entry", (string?)(await client.Event("stopped"))["reason"]);
        Assert.StartsWith("_start", (await Top(client)).Name);
        await client.Request("continue", new JsonObject { ["threadId"] = 1 });
        // exit(3) through the preview1 adapter is wasi:cli/exit's error: 1 under WASI 0.2; "done" came before it.
        Assert.Equal(1, (int)(await client.Event("exited"))["exitCode"]!);
        Assert.Equal("done\n", client.Output("stderr"));
    }

    [Fact]
    public async Task The_instance_tree_request_answers_the_live_core_instances_with_their_memories()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.DebuggeeComponent);
        // Before the start there is no instance yet; a core module has none at all.
        Assert.Contains("not instantiated yet", (string?)(await client.TryRequest("witComponentInstances"))["message"]);
        await client.Request("setBreakpoints", SourceBreakpoints(LineOf("printf(\"total=%d\\n\", total);")));
        await client.Request("configurationDone");
        await client.Event("stopped");

        var root = (await client.Request("witComponentInstances"))!["root"]!;
        Assert.Equal("root", (string?)root["name"]);
        var cores = ((JsonArray)root["coreInstances"]!).Select(c => c!).ToList();
        // jco's command component: the C program, the preview1 adapter and the glue modules, each a core instance.
        Assert.True(cores.Count >= 3, $"{cores.Count} core instances");
        var image = Assert.Single(cores, c => (bool)c["image"]!);
        var memory = Assert.Single((JsonArray)image["memories"]!)!;
        // The C program's memory (its data, stack and the heap printf grew): at least the 2 pages wasm-ld gives it.
        Assert.True((uint)memory["pages"]! >= 2, memory.ToJsonString());
        Assert.Null(memory["maxPages"]);
        Assert.True(((JsonArray)image["tables"]!).Count >= 1);
        // The preview1 adapter imports the C program's memory: the tree reports it once, where it is defined.
        Assert.Equal(1, cores.Sum(c => ((JsonArray)c["memories"]!).Count));
        // The wasi:cli/run instance jco exports is a nested component instance: its run was called once, and is running.
        var run = ((JsonArray)root["children"]!).SelectMany(c => (JsonArray)c!["exports"]!).Single(e => (string?)e!["name"] == "run")!;
        Assert.Equal(1, (long)run["calls"]!);

        await client.Request("continue", new JsonObject { ["threadId"] = 1 });
        await client.Event("exited");
    }

    [Fact]
    public async Task The_instance_tree_request_on_a_core_module_is_an_error()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.Debuggee);
        var error = await client.TryRequest("witComponentInstances");
        Assert.False((bool)error["success"]!);
        Assert.Contains("core module", (string?)error["message"]);
    }

    private static JsonObject FunctionBreakpoints(params string[] names) => new()
    {
        ["breakpoints"] = new JsonArray(names.Select(n => (JsonNode)new JsonObject { ["name"] = n }).ToArray()),
    };

    [Fact]
    public async Task WIT_function_breakpoints_stop_at_the_export_and_at_an_import_with_the_lifted_values()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.DebuggeeComponent);
        // The export by its interface (an older compatible version names it too), the import by its method name alone.
        var set = (JsonArray)(await client.Request("setFunctionBreakpoints", FunctionBreakpoints("wasi:cli/run@0.2.0#run", "[method]output-stream.blocking-write-and-flush")))!["breakpoints"]!;
        Assert.All(set, b => Assert.True((bool)b!["verified"]!));
        await client.Request("configurationDone");

        // 1. The export's entry, before any core code ran: one boundary frame, no arguments.
        var stopped = await client.Event("stopped");
        Assert.Equal("function breakpoint", (string?)stopped["reason"]);
        Assert.Equal((int)set[0]!["id"]!, (int)stopped["hitBreakpointIds"]![0]!);
        var frames = await Frames(client);
        Assert.StartsWith("[wit] wasi:cli/run@0.2", (string?)frames[0]!["name"]);
        Assert.EndsWith("#run", (string?)frames[0]!["name"]);
        Assert.Single(frames);
        Assert.Empty(await Variables(client, 1, "WIT Arguments"));
        Assert.Equal("", client.Output("stdout"));

        // 2. The stdout write of printf: the boundary frame between the C frames, its list<u8> argument as text.
        await client.Request("continue", new JsonObject { ["threadId"] = 1 });
        Assert.Equal("function breakpoint", (string?)(await client.Event("stopped"))["reason"]);
        frames = await Frames(client);
        Assert.Matches(@"^\[wit\] wasi:io/streams@0\.2\.\d+#\[method\]output-stream\.blocking-write-and-flush$", (string?)frames[0]!["name"]);
        Assert.Contains("main", frames.Skip(1).Select(f => (string?)f!["name"]));
        var arguments = await Variables(client, 1, "WIT Arguments");
        Assert.Equal(new[] { "self", "contents" }, arguments.Select(a => (string?)a!["name"]));
        Assert.StartsWith("borrow<output-stream> rep ", (string?)arguments[0]!["value"]);
        Assert.Equal("list<u8>", (string?)arguments[1]!["type"]);
        // wasi-libc's printf writes its buffer and the newline as two iovecs: the adapter writes each.
        Assert.Equal("8 bytes \"total=98\"", (string?)arguments[1]!["value"]);
        // The write has not happened yet.
        Assert.Equal("", client.Output("stdout"));

        // 3. Stepping over the boundary stops at its return with the result.
        await client.Request("next", new JsonObject { ["threadId"] = 1 });
        Assert.Equal("step", (string?)(await client.Event("stopped"))["reason"]);
        frames = await Frames(client);
        Assert.EndsWith("(returned)", (string?)frames[0]!["name"]);
        Assert.Equal("8 bytes \"total=98\"", (string?)(await Variables(client, 1, "WIT Arguments"))[1]!["value"]);
        var result = Assert.Single(await Variables(client, 1, "WIT Result"))!;
        Assert.Equal("ok", (string?)result["value"]);
        Assert.Equal("total=98", client.Output("stdout"));

        // 4. The next write (the newline) shows as text with its escape.
        await client.Request("continue", new JsonObject { ["threadId"] = 1 });
        await client.Event("stopped");
        Assert.Equal("1 bytes \"\\n\"", (string?)(await Variables(client, 1, "WIT Arguments"))[1]!["value"]);

        await client.Request("setFunctionBreakpoints", FunctionBreakpoints());
        await client.Request("continue", new JsonObject { ["threadId"] = 1 });
        Assert.Equal(1, (int)(await client.Event("exited"))["exitCode"]!);
    }

    [Fact]
    public async Task A_hit_condition_on_a_WIT_function_breakpoint_counts_the_calls_and_a_bad_one_is_refused()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.DebuggeeComponent);
        var set = (JsonArray)(await client.Request("setFunctionBreakpoints", new JsonObject
        {
            ["breakpoints"] = new JsonArray(
                new JsonObject { ["name"] = "[method]output-stream.blocking-write-and-flush", ["hitCondition"] = "2" },
                new JsonObject { ["name"] = "wasi:cli/run@0.2.0#run", ["hitCondition"] = "every" }),
        }))!["breakpoints"]!;
        Assert.True((bool)set[0]!["verified"]!);
        Assert.False((bool)set[1]!["verified"]!);
        Assert.Contains("hit condition", (string?)set[1]!["message"]);
        await client.Request("configurationDone");

        // The first write ("total=98") passes; the second (the newline) stops.
        var stopped = await client.Event("stopped");
        Assert.Equal((int)set[0]!["id"]!, (int)stopped["hitBreakpointIds"]![0]!);
        Assert.Equal("1 bytes \"\\n\"", (string?)(await Variables(client, 1, "WIT Arguments"))[1]!["value"]);
        Assert.Equal("total=98", client.Output("stdout"));

        await client.Request("continue", new JsonObject { ["threadId"] = 1 });
        Assert.Equal(1, (int)(await client.Event("exited"))["exitCode"]!);
    }

    [Fact]
    public async Task Terminate_at_an_import_boundary_ends_the_program_and_a_C_name_there_is_an_error()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.DebuggeeComponent);
        await client.Request("setFunctionBreakpoints", FunctionBreakpoints("[method]output-stream.blocking-write-and-flush"));
        await client.Request("configurationDone");
        await client.Event("stopped");
        var evaluate = await client.TryRequest("evaluate", new JsonObject { ["expression"] = "p.x", ["frameId"] = 1 });
        Assert.False((bool)evaluate["success"]!);
        // The boundary frame has the WIT values of the call, not the C variables: the message names what it has.
        Assert.Contains("'p' is not a value of", (string?)evaluate["message"]);
        Assert.Contains("self, contents", (string?)evaluate["message"]);
        // A core frame below the boundary still evaluates.
        var frames = await Frames(client);
        int mainId = (int)frames.First(f => (string?)f!["name"] == "main")!["id"]!;
        Assert.Equal("98", (string?)(await client.Request("evaluate", new JsonObject { ["expression"] = "total", ["frameId"] = mainId }))!["result"]);

        // Ending the program while it waits inside the host call unwinds it: it exits as terminated, nothing was written.
        await client.Request("terminate");
        Assert.Equal(137, (int)(await client.Event("exited"))["exitCode"]!);
        Assert.Equal("", client.Output("stdout"));
    }
}
