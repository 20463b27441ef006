using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using static Wit.DebugAdapter.Tests.SessionTests;

namespace Wit.DebugAdapter.Tests;

/// <summary>
/// The "Locals" scope of C variables from DWARF: on debuggee.c (DWARF 4, -O0) and types.c (DWARF 5, at -O0 with
/// locals in the linear-memory frame and at -O1 with locals in wasm locals and location lists).
/// </summary>
public sealed class DwarfLocalsTests
{
    internal static string TypesSource => DapTestClient.Programs("types.c");

    internal static int TypesLine(string text) => Array.FindIndex(File.ReadAllLines(TypesSource), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    internal static async Task<JsonArray> Children(DapTestClient client, JsonNode variable)
    {
        int reference = (int)variable["variablesReference"]!;
        Assert.True(reference > 0, $"{variable["name"]} is not expandable");
        return (JsonArray)(await client.Request("variables", new JsonObject { ["variablesReference"] = reference }))!["variables"]!;
    }

    internal static JsonNode Named(JsonArray variables, string name) =>
        variables.FirstOrDefault(v => (string?)v!["name"] == name) ?? throw new Xunit.Sdk.XunitException($"no variable '{name}' in {variables.ToJsonString()}");

    internal static string Value(JsonArray variables, string name) => (string)Named(variables, name)["value"]!;

    private static async Task<DapTestClient> StopAt(string program, string source, int line)
    {
        var client = new DapTestClient();
        await client.Launch(DapTestClient.Programs(program));
        await client.Request("setBreakpoints", new JsonObject
        {
            ["source"] = new JsonObject { ["path"] = source },
            ["breakpoints"] = new JsonArray(new JsonObject { ["line"] = line }),
        });
        await client.Request("configurationDone");
        Assert.Equal("breakpoint", (string?)(await client.Event("stopped"))["reason"]);
        return client;
    }

    [Fact]
    public async Task A_struct_parameter_and_int_locals_show_with_their_C_types_in_both_frames()
    {
        await using var client = await StopAt("debuggee.wasm", DapTestClient.DebuggeeSource, LineOf("int b = square(p.y);"));
        var locals = await Variables(client, 1, "Locals");
        // sum_squares(struct point p) at the first call: p = {3, 4}, a = square(3) already stored.
        Assert.Equal(new[] { "p", "a", "b" }, locals.Select(v => (string?)v!["name"]));
        var p = Named(locals, "p");
        Assert.Equal("struct point", (string?)p["type"]);
        Assert.Equal("{x=3, y=4}", (string?)p["value"]);
        var members = await Children(client, p);
        Assert.Equal(("3", "int"), (Value(members, "x"), (string)Named(members, "x")["type"]!));
        Assert.Equal("4", Value(members, "y"));
        Assert.Equal("9", Value(locals, "a"));

        var main = await Variables(client, 2, "Locals");
        Assert.Equal(new[] { "argc", "argv", "p", "total", "i" }, main.Select(v => (string?)v!["name"]));
        Assert.Equal("1", Value(main, "argc"));
        Assert.Equal("0", Value(main, "total"));
        Assert.Equal("0", Value(main, "i"));
        var argv = Named(main, "argv");
        Assert.Equal("char **", (string?)argv["type"]);
        var argv0 = Named(await Children(client, argv), "*argv");
        Assert.Equal("char *", (string?)argv0["type"]);
        Assert.EndsWith("debuggee.wasm\"", (string)argv0["value"]!);
        await client.Request("disconnect");
    }

    [Theory]
    [InlineData("types-O0.wasm")]
    [InlineData("types-O1.wasm")]
    public async Task Pointers_to_structs_unions_enums_arrays_and_strings_expand(string program)
    {
        // The loop's first iteration. At -O1 the location lists give the parameters their wasm locals only up to the
        // loop's body, so the stop is at the loop's head there.
        string line = program == "types-O1.wasm" ? "for (struct node *n = list" : "sum += n->value;";
        await using var client = await StopAt(program, TypesSource, TypesLine(line));
        var locals = await Variables(client, 1, "Locals");
        Assert.Equal("16", Value(locals, "flags"));
        Assert.Equal("u32", (string?)Named(locals, "flags")["type"]);
        Assert.Equal("0", Value(locals, "sum"));
        Assert.Equal("volatile int", (string?)Named(locals, "sum")["type"]);
        Assert.Equal(Value(locals, "list"), Value(locals, "n"));

        var list = Named(locals, "list");
        Assert.Equal("struct node *", (string?)list["type"]);
        var first = Named(await Children(client, list), "*list");
        Assert.Equal("{value=10, next=" + (string)Named(await Children(client, first), "next")["value"]! + "}", (string?)first["value"]);
        var second = Named(await Children(client, Named(await Children(client, first), "next")), "*next");
        Assert.Equal("20", Value(await Children(client, second), "value"));

        var shape = Named(await Children(client, Named(locals, "s")), "*s");
        Assert.Equal("struct shape", (string?)shape["type"]);
        var members = await Children(client, shape);
        Assert.EndsWith("\"square\"", Value(members, "label"));
        Assert.Equal("const char *", (string?)Named(members, "label")["type"]);
        Assert.Equal("GREEN", Value(members, "color"));
        Assert.Equal("2.5", Value(members, "scale"));
        Assert.Equal("\"abc\"", Value(members, "tag"));
        var grid = Named(members, "grid");
        Assert.Equal("short [2][3]", (string?)grid["type"]);
        Assert.Equal("[[1, 2, 3], [4, 5, 6]]", (string?)grid["value"]);
        Assert.Equal(2, (int)grid["indexedVariables"]!);
        var row1 = Named(await Children(client, grid), "[1]");
        Assert.Equal("6", Value(await Children(client, row1), "[2]"));
        var number = Named(members, "n");
        Assert.Equal("union number", (string?)number["type"]);
        Assert.Equal("42", Value(await Children(client, number), "i"));

        var main = await Variables(client, 2, "Locals");
        if (program == "types-O0.wasm")
        {
            Assert.Equal("[1, 1, 2, 3, 5]", Value(main, "numbers"));
            Assert.Equal("\"wasm\"", Value(main, "name"));
            Assert.Equal("char [16]", (string?)Named(main, "name")["type"]);
        }
        await client.Request("disconnect");
    }

    [Fact]
    public async Task Evaluate_reads_C_paths_in_watch_and_hover_and_refuses_wrong_ones_with_a_reason()
    {
        await using var client = await StopAt("types-O0.wasm", TypesSource, TypesLine("sum += n->value;"));
        Assert.Equal("10", (string?)(await Evaluate(client, "list->value"))["result"]);
        Assert.Equal("20", (string?)(await Evaluate(client, "list->next->value", "hover"))["result"]);
        Assert.Equal("10", (string?)(await Evaluate(client, "n->value"))["result"]);
        Assert.Equal("GREEN", (string?)(await Evaluate(client, "s->color"))["result"]);
        Assert.Equal("6", (string?)(await Evaluate(client, "s->grid[1][2]"))["result"]);
        Assert.Equal("99 'c'", (string?)(await Evaluate(client, "s->tag[2]"))["result"]);
        var star = await Evaluate(client, "*s");
        Assert.Equal("struct shape", (string?)star["type"]);
        Assert.True((int)star["variablesReference"]! > 0);
        Assert.Equal("2.5", Value(await Children(client, star), "scale"));
        var address = await Evaluate(client, "&sum");
        Assert.Equal("volatile int *", (string?)address["type"]);
        Assert.Equal((string?)Named(await Variables(client, 1, "Locals"), "sum")["memoryReference"], "0x" + Convert.ToUInt32(((string)address["result"]!)[2..], 16).ToString("x"));
        // main's locals from its frame; an index from a C variable; the linear-memory reads of the wasm language still work.
        Assert.Equal("5", (string?)(await Evaluate(client, "numbers[4]", frameId: 2))["result"]);
        Assert.Equal("\"wasm\"", (string?)(await Evaluate(client, "name", frameId: 2))["result"]);
        Assert.Equal("20", (string?)(await Evaluate(client, "second.value", frameId: 2))["result"]);
        Assert.Equal("1", (string?)(await Evaluate(client, "sum == 0 && list->value == 10"))["result"]);
        // A global of the unit (DW_OP_addr), which no frame lists.
        Assert.Equal("7", (string?)(await Evaluate(client, "counter"))["result"]);
        var wrong = await client.TryRequest("evaluate", new JsonObject { ["expression"] = "s->nosuch", ["frameId"] = 1 });
        Assert.Contains("has no member 'nosuch'", (string?)wrong["message"]);
        var outside = await client.TryRequest("evaluate", new JsonObject { ["expression"] = "s->grid[2]", ["frameId"] = 1 });
        Assert.Contains("index 2 is outside", (string?)outside["message"]);
        await client.Request("disconnect");
    }

    [Fact]
    public async Task A_condition_over_C_variables_stops_where_it_holds()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.Debuggee);
        await client.Request("setBreakpoints", new JsonObject
        {
            ["source"] = new JsonObject { ["path"] = DapTestClient.DebuggeeSource },
            ["breakpoints"] = new JsonArray(new JsonObject { ["line"] = LineOf("total += sum_squares(p);"), ["condition"] = "i == 2 && p.x > 4" }),
        });
        await client.Request("configurationDone");
        await client.Event("stopped");
        var locals = await Variables(client, 1, "Locals");
        // Iterations 0 and 1 did not stop: total = 25 + 32, p.x = 5 at the third.
        Assert.Equal("2", Value(locals, "i"));
        Assert.Equal("57", Value(locals, "total"));
        await client.Request("disconnect");
    }

    [Fact]
    public async Task A_variable_on_the_operand_stack_reads_the_entry_its_location_list_names()
    {
        // types-O1.wasm: `result` lives on the operand stack (DW_OP_WASM_location 2 0: the top) at DWARF address 0x66,
        // the instruction that returns it: sum (60) + flags (16) + s->grid[1][2] (6).
        var image = new Wasm.ProgramImage(Wit.Runtime.Binary.ModuleDecoder.Decode(File.ReadAllBytes(DapTestClient.Programs("types-O1.wasm"))), DapTestClient.Programs("types-O1.wasm"));
        string at = "0x" + (image.CodeContentStart + 0x66).ToString("x");
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.Programs("types-O1.wasm"));
        await client.Request("setInstructionBreakpoints", new JsonObject { ["breakpoints"] = new JsonArray(new JsonObject { ["instructionReference"] = at }) });
        await client.Request("configurationDone");
        await client.Event("stopped");
        Assert.Equal(at, (string?)(await Frames(client))[0]!["instructionPointerReference"]);
        var locals = await Variables(client, 1, "Locals");
        Assert.Equal("82", Value(locals, "result"));
        var operands = await Variables(client, 1, "Operand Stack");
        Assert.Equal("82", (string?)operands[^1]!["value"]);
        // Elsewhere its location list has no entry: optimized out.
        Assert.StartsWith("<unavailable", Value(locals, "flags"));
        await client.Request("disconnect");
    }
}
