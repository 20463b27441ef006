using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace Wit.DebugAdapter.Tests;

/// <summary>
/// Whole sessions on the C fixture (Programs/debuggee.c, built with DWARF): source breakpoints, stepping by line,
/// frames, variables, output and the exit code, through the real protocol.
/// </summary>
public sealed class SessionTests
{
    /// <summary>The 1-based line of the fixture that contains <paramref name="text"/> (so the tests follow edits of the C file).</summary>
    internal static int LineOf(string text)
    {
        var lines = File.ReadAllLines(DapTestClient.DebuggeeSource);
        int index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{text}' is not in debuggee.c");
        return index + 1;
    }

    internal static JsonObject SourceBreakpoints(params int[] lines) => new()
    {
        ["source"] = new JsonObject { ["path"] = DapTestClient.DebuggeeSource },
        ["breakpoints"] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject { ["line"] = l }).ToArray()),
    };

    internal static async Task<JsonArray> Frames(DapTestClient client) =>
        (JsonArray)(await client.Request("stackTrace", new JsonObject { ["threadId"] = 1 }))!["stackFrames"]!;

    internal static async Task<(string Name, int Line)> Top(DapTestClient client)
    {
        var top = (await Frames(client))[0]!;
        return ((string)top["name"]!, (int)top["line"]!);
    }

    /// <summary>An <c>evaluate</c> request that must succeed; its body.</summary>
    internal static async Task<JsonObject> Evaluate(DapTestClient client, string expression, string context = "watch", int frameId = 1) =>
        (await client.Request("evaluate", new JsonObject { ["expression"] = expression, ["frameId"] = frameId, ["context"] = context }))!;

    internal static async Task<JsonArray> Variables(DapTestClient client, int frameId, string scope)
    {
        var scopes = (JsonArray)(await client.Request("scopes", new JsonObject { ["frameId"] = frameId }))!["scopes"]!;
        var s = scopes.First(x => (string?)x!["name"] == scope)!;
        return (JsonArray)(await client.Request("variables", new JsonObject { ["variablesReference"] = (int)s["variablesReference"]! }))!["variables"]!;
    }

    [Fact]
    public async Task Initialize_answers_the_capabilities_and_the_trap_filter()
    {
        await using var client = new DapTestClient();
        var caps = await client.Request("initialize", new JsonObject { ["adapterID"] = "wit" });
        foreach (var name in new[] { "supportsConfigurationDoneRequest", "supportsFunctionBreakpoints", "supportsConditionalBreakpoints",
            "supportsHitConditionalBreakpoints", "supportsInstructionBreakpoints", "supportsReadMemoryRequest", "supportsWriteMemoryRequest",
            "supportsDisassembleRequest", "supportsExceptionInfoRequest", "supportsSteppingGranularity", "supportsTerminateRequest" })
        {
            Assert.True((bool?)caps![name] == true, name);
        }
        Assert.Equal("traps", (string?)caps!["exceptionBreakpointFilters"]![0]!["filter"]);
    }

    [Fact]
    public async Task A_source_breakpoint_stops_with_the_C_frames_and_the_program_exits_with_its_code()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.Debuggee);
        int line = LineOf("int a = square(p.x);");
        var set = await client.Request("setBreakpoints", SourceBreakpoints(line));
        var bp = set!["breakpoints"]![0]!;
        Assert.True((bool)bp["verified"]!);
        Assert.Equal(line, (int)bp["line"]!);
        await client.Request("configurationDone");

        var stopped = await client.Event("stopped");
        Assert.Equal("breakpoint", (string?)stopped["reason"]);
        Assert.Equal((int)bp["id"]!, (int)stopped["hitBreakpointIds"]![0]!);
        var frames = await Frames(client);
        Assert.Equal("sum_squares", (string?)frames[0]!["name"]);
        Assert.Equal(line, (int)frames[0]!["line"]!);
        Assert.Equal(DapTestClient.DebuggeeSource, (string?)frames[0]!["source"]!["path"]);
        Assert.Equal("main", (string?)frames[1]!["name"]);
        Assert.Equal(LineOf("total += sum_squares(p);"), (int)frames[1]!["line"]!);
        Assert.StartsWith("0x", (string?)frames[0]!["instructionPointerReference"]);

        // The breakpoint stops again in the loop's next iteration; without it the program runs to its end.
        await client.Request("continue", new JsonObject { ["threadId"] = 1 });
        Assert.Equal("breakpoint", (string?)(await client.Event("stopped"))["reason"]);
        await client.Request("setBreakpoints", SourceBreakpoints());
        await client.Request("continue", new JsonObject { ["threadId"] = 1 });
        var exited = await client.Event("exited");
        // total = (9 + 16) + (16 + 16) + (25 + 16) = 98.
        Assert.Equal(98, (int)exited["exitCode"]!);
        await client.EventMessage("terminated");
        Assert.Equal("total=98\n", client.Output("stdout"));
        Assert.Equal("done\n", client.Output("stderr"));
    }

    [Fact]
    public async Task Next_step_in_and_step_out_go_by_source_line()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.Debuggee);
        await client.Request("setBreakpoints", SourceBreakpoints(LineOf("int a = square(p.x);")));
        await client.Request("configurationDone");
        await client.Event("stopped");

        await client.Request("next", new JsonObject { ["threadId"] = 1 });
        Assert.Equal("step", (string?)(await client.Event("stopped"))["reason"]);
        Assert.Equal(("sum_squares", LineOf("int b = square(p.y);")), await Top(client));

        await client.Request("stepIn", new JsonObject { ["threadId"] = 1 });
        await client.Event("stopped");
        Assert.Equal(("square", LineOf("int result = v * v;")), await Top(client));
        var frames = await Frames(client);
        Assert.Equal(new[] { "square", "sum_squares", "main" }, frames.Take(3).Select(f => (string?)f!["name"]));
        Assert.StartsWith("_start", (string?)frames[^1]!["name"]);

        await client.Request("stepOut", new JsonObject { ["threadId"] = 1 });
        await client.Event("stopped");
        var (name, line) = await Top(client);
        Assert.Equal("sum_squares", name);
        Assert.Equal(LineOf("int b = square(p.y);"), line);

        await client.Request("next", new JsonObject { ["threadId"] = 1 });
        await client.Event("stopped");
        Assert.Equal(("sum_squares", LineOf("return a + b;")), await Top(client));
        await client.Request("disconnect");
    }

    [Fact]
    public async Task Locals_operands_and_globals_are_typed_and_evaluate_reads_them()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.Debuggee);
        await client.Request("setFunctionBreakpoints", new JsonObject { ["breakpoints"] = new JsonArray(new JsonObject { ["name"] = "square" }) });
        await client.Request("configurationDone");
        Assert.Equal("breakpoint", (string?)(await client.Event("stopped"))["reason"]);
        Assert.Equal("square", (await Top(client)).Name);

        var locals = await Variables(client, 1, "Wasm Locals");
        // square(int v): at -O0 the parameter is wasm local 0, an i32 holding 3 (p.x of the first iteration).
        Assert.Equal("local0", (string?)locals[0]!["name"]);
        Assert.Equal("i32", (string?)locals[0]!["type"]);
        Assert.Equal("3", (string?)locals[0]!["value"]);
        var globals = await Variables(client, 1, "Globals");
        Assert.Equal("i32", (string?)globals[0]!["type"]);
        // Step by instruction until something is on the operand stack: its slots get their types from the validator.
        JsonArray operands = await Variables(client, 1, "Operand Stack");
        for (int i = 0; i < 10 && operands.Count == 0; i++)
        {
            await client.Request("next", new JsonObject { ["threadId"] = 1, ["granularity"] = "instruction" });
            await client.Event("stopped");
            operands = await Variables(client, 1, "Operand Stack");
        }
        Assert.NotEmpty(operands);
        Assert.All(operands, o => Assert.Equal("i32", (string?)o!["type"]));
        // The caller's operands below the call's arguments are typed too.
        Assert.All(await Variables(client, 2, "Operand Stack"), o => Assert.NotEqual("unknown", (string?)o!["type"]));

        var eval = await client.Request("evaluate", new JsonObject { ["expression"] = "local0", ["frameId"] = 1, ["context"] = "watch" });
        Assert.Equal("3", (string?)eval!["result"]);
        Assert.Equal("i32", (string?)eval["type"]);
        var cond = await client.Request("evaluate", new JsonObject { ["expression"] = "local0 == 3 && local0 < 4", ["frameId"] = 1 });
        Assert.Equal("1", (string?)cond!["result"]);
        var bad = await client.TryRequest("evaluate", new JsonObject { ["expression"] = "nosuch + 1", ["frameId"] = 1 });
        Assert.False((bool)bad["success"]!);
        await client.Request("disconnect");
    }

    /// <summary>
    /// A client that waits for a request's response before it listens for the events the request causes must see them:
    /// the adapter writes the response to configurationDone, next, continue and terminate before the program moves.
    /// </summary>
    [Fact]
    public async Task Responses_come_before_the_events_their_requests_cause()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.Debuggee, new JsonObject { ["stopOnEntry"] = true });
        await client.Request("configurationDone");
        await client.Event("stopped");
        // The entry's first instruction calls the program's _start, which ends in proc_exit: step into it.
        await client.Request("stepIn", new JsonObject { ["threadId"] = 1, ["granularity"] = "instruction" });
        await client.Event("stopped");
        await client.Request("setBreakpoints", SourceBreakpoints(LineOf("int result = v * v;")));
        await client.Request("continue", new JsonObject { ["threadId"] = 1 });
        await client.Event("stopped");
        await client.Request("terminate");
        await client.Event("exited");
        var order = client.Messages.Select(m => (string?)m["command"] ?? (string?)m["event"]).ToList();
        int Index(string name, int occurrence = 0) => order.Select((n, i) => (n, i)).Where(x => x.n == name).Skip(occurrence).First().i;
        Assert.True(Index("configurationDone") < Index("stopped", 0), string.Join(", ", order));
        Assert.True(Index("stepIn") < Index("stopped", 1), string.Join(", ", order));
        Assert.True(Index("continue") < Index("stopped", 2), string.Join(", ", order));
        Assert.True(Index("terminate") < Index("exited"), string.Join(", ", order));
    }
}
