using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using static Wit.DebugAdapter.Tests.SessionTests;

namespace Wit.DebugAdapter.Tests;

/// <summary>
/// Conditions and <c>evaluate</c> over WIT values at boundary frames, on the component fixture: its C program's
/// printf writes "total=98" and then "\n" to stdout through <c>[method]output-stream.blocking-write-and-flush</c>, and
/// "done\n" to stderr.
/// </summary>
public sealed class WitConditionTests
{
    private const string Write = "[method]output-stream.blocking-write-and-flush";

    private static JsonObject Breakpoint(string name, string condition) => new()
    {
        ["breakpoints"] = new JsonArray(new JsonObject { ["name"] = name, ["condition"] = condition }),
    };

    /// <summary>A session on the component with one WIT function breakpoint on the writes, conditioned, verified, started.</summary>
    private static async Task<(DapTestClient Client, int Id)> Start(string condition)
    {
        var client = new DapTestClient();
        await client.Launch(DapTestClient.DebuggeeComponent);
        var bp = (await client.Request("setFunctionBreakpoints", Breakpoint(Write, condition)))!["breakpoints"]![0]!;
        Assert.True((bool)bp["verified"]!, (string?)bp["message"]);
        await client.Request("configurationDone");
        return (client, (int)bp["id"]!);
    }

    /// <summary>Removes the breakpoints and lets the program end (its exit code 1: the C program's 98 under WASI 0.2).</summary>
    private static async Task RunToEnd(DapTestClient client)
    {
        await client.Request("setFunctionBreakpoints", new JsonObject { ["breakpoints"] = new JsonArray() });
        await client.Request("continue", new JsonObject { ["threadId"] = 1 });
        Assert.Equal(1, (int)(await client.Event("exited"))["exitCode"]!);
    }

    private static int Stops(DapTestClient client) => client.Messages.Count(m => (string?)m["event"] == "stopped");

    [Theory]
    [InlineData("contents == \"\\n\"")]
    [InlineData("contents.len == 1 && contents[0] == 10")]
    [InlineData("!(contents.len > 1) && self.rep >= 0")]
    public async Task A_condition_on_the_written_bytes_stops_at_that_write_only(string condition)
    {
        var (client, id) = await Start(condition);
        await using var _ = client;

        // Ignoring the condition would stop at the first write, "total=98", which has gone out already here.
        var stopped = await client.Event("stopped");
        Assert.Equal("function breakpoint", (string?)stopped["reason"]);
        Assert.Equal(id, (int)stopped["hitBreakpointIds"]![0]!);
        Assert.Equal("1 bytes \"\\n\"", (string?)(await Variables(client, 1, "WIT Arguments"))[1]!["value"]);
        Assert.Equal("total=98", client.Output("stdout"));

        // No other write (stderr's "done\n" either) holds: the program runs to its end.
        await client.Request("continue", new JsonObject { ["threadId"] = 1 });
        Assert.Equal(1, (int)(await client.Event("exited"))["exitCode"]!);
        Assert.Equal(1, Stops(client));
        Assert.Equal("done\n", client.Output("stderr"));
    }

    [Fact]
    public async Task A_condition_that_never_holds_never_stops()
    {
        var (client, _) = await Start("contents == \"nothing like this\" || contents.len > 1000");
        await using var _ = client;
        Assert.Equal(1, (int)(await client.Event("exited"))["exitCode"]!);
        Assert.Equal(0, Stops(client));
        Assert.Equal("total=98\n", client.Output("stdout"));
        Assert.Equal("", client.Output("console"));
    }

    [Fact]
    public async Task A_malformed_condition_is_unverified_with_the_reason()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.DebuggeeComponent);
        var set = (JsonArray)(await client.Request("setFunctionBreakpoints", new JsonObject
        {
            ["breakpoints"] = new JsonArray(
                new JsonObject { ["name"] = Write, ["condition"] = "contents ==" },
                new JsonObject { ["name"] = Write, ["condition"] = "(contents.len > 1" },
                new JsonObject { ["name"] = Write, ["condition"] = "contents == \"unterminated" },
                new JsonObject { ["name"] = Write, ["condition"] = "len(contents) == 1" }),
        }))!["breakpoints"]!;
        Assert.All(set, b => Assert.False((bool)b!["verified"]!));
        Assert.Contains("invalid condition: an operand is missing", (string?)set[0]!["message"]);
        Assert.Contains("without its ')'", (string?)set[1]!["message"]);
        Assert.Contains("no closing", (string?)set[2]!["message"]);
        Assert.Contains("'contents.len'", (string?)set[3]!["message"]);
        // None of them stops.
        await client.Request("configurationDone");
        Assert.Equal(1, (int)(await client.Event("exited"))["exitCode"]!);
        Assert.Equal(0, Stops(client));
    }

    [Fact]
    public async Task A_condition_that_fails_to_evaluate_stops_with_the_reason_and_reports_it_once()
    {
        // 'total' is a C variable of main, not a value of the WIT call.
        var (client, id) = await Start("total == 98");
        await using var _ = client;

        var stopped = await client.Event("stopped");
        Assert.Contains("'total' is not a value of", (string?)stopped["text"]);
        Assert.Equal(id, (int)stopped["hitBreakpointIds"]![0]!);
        await client.Request("continue", new JsonObject { ["threadId"] = 1 });
        stopped = await client.Event("stopped");
        Assert.Contains("'total' is not a value of", (string?)stopped["text"]);

        // The console says it once, however many times the breakpoint stops for it.
        string console = client.Output("console");
        Assert.Contains($"The condition 'total == 98' of breakpoint {id} could not be evaluated: 'total' is not a value of", console);
        Assert.Single(client.Messages, m => (string?)m["event"] == "output" && (string?)m["body"]!["category"] == "console");
        await RunToEnd(client);
    }

    [Fact]
    public async Task Evaluate_in_the_boundary_frame_reads_the_WIT_arguments_and_the_result()
    {
        var (client, _) = await Start("contents.len > 1");
        await using var _ = client;
        await client.Event("stopped");

        var contents = await Evaluate(client, "contents");
        Assert.Equal("8 bytes \"total=98\"", (string?)contents["result"]);
        Assert.Equal("list<u8>", (string?)contents["type"]);
        var length = await Evaluate(client, "contents.len");
        Assert.Equal("8", (string?)length["result"]);
        Assert.Equal("u32", (string?)length["type"]);
        var first = await Evaluate(client, "contents[0]");
        Assert.Equal("116", (string?)first["result"]);
        Assert.Equal("u8", (string?)first["type"]);
        Assert.StartsWith("borrow<output-stream> rep ", (string?)(await Evaluate(client, "self"))["result"]);
        Assert.Equal("true", (string?)(await Evaluate(client, "contents == \"total=98\" && self.rep > 0"))["result"]);
        Assert.Equal("false", (string?)(await Evaluate(client, "contents < \"total\""))["result"]);
        var outside = await client.TryRequest("evaluate", new JsonObject { ["expression"] = "contents[8]", ["frameId"] = 1 });
        Assert.Contains("index 8 is outside contents's 8 elements", (string?)outside["message"]);
        // Before the call returned there is no result.
        var early = await client.TryRequest("evaluate", new JsonObject { ["expression"] = "result", ["frameId"] = 1 });
        Assert.Contains("(its parameters: self, contents)", (string?)early["message"]);

        // Step over the call: at its return, 'result' is its result<_, stream-error>.
        await client.Request("next", new JsonObject { ["threadId"] = 1 });
        await client.Event("stopped");
        var result = await Evaluate(client, "result");
        Assert.Equal("ok", (string?)result["result"]);
        Assert.StartsWith("result<_, ", (string?)result["type"]);
        Assert.Equal("true", (string?)(await Evaluate(client, "result is ok && !(result is err)"))["result"]);
        var wrongCase = await client.TryRequest("evaluate", new JsonObject { ["expression"] = "result is some", ["frameId"] = 1 });
        Assert.Contains("has no case 'some' (its cases: ok, err)", (string?)wrongCase["message"]);
        await RunToEnd(client);
    }
}
