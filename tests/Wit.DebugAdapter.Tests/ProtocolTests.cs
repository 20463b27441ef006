using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace Wit.DebugAdapter.Tests;

/// <summary>Malformed messages, requests in the wrong state and bad arguments get error responses; the session goes on.</summary>
public sealed class ProtocolTests
{
    private static async Task<string> Error(DapTestClient client, string command, JsonObject? args = null)
    {
        var response = await client.TryRequest(command, args);
        Assert.False((bool)response["success"]!, $"'{command}' succeeded");
        Assert.Equal(command, (string?)response["command"]);
        return (string)response["message"]!;
    }

    [Fact]
    public async Task Requests_before_initialize_and_before_launch_are_refused()
    {
        await using var client = new DapTestClient();
        Assert.Contains("before 'initialize'", await Error(client, "launch", new JsonObject { ["program"] = DapTestClient.Debuggee }));
        await client.Request("initialize", new JsonObject { ["adapterID"] = "wit" });
        Assert.Contains("sent already", await Error(client, "initialize"));
        Assert.Contains("no program is launched", await Error(client, "stackTrace", new JsonObject { ["threadId"] = 1 }));
        Assert.Contains("no program is launched", await Error(client, "setBreakpoints", SessionTests.SourceBreakpoints(3)));
        Assert.Contains("no program is launched", await Error(client, "continue", new JsonObject { ["threadId"] = 1 }));
        Assert.Contains("unknown request 'frobnicate'", await Error(client, "frobnicate"));
        Assert.Contains("attach is not supported", await Error(client, "attach"));
    }

    [Fact]
    public async Task Bad_launches_are_error_responses()
    {
        await using var client = new DapTestClient();
        await client.Request("initialize", new JsonObject { ["adapterID"] = "wit" });
        Assert.Contains("'program' is required", await Error(client, "launch", new JsonObject()));
        Assert.Contains("must be a string", await Error(client, "launch", new JsonObject { ["program"] = 42 }));
        Assert.Contains("cannot read the program", await Error(client, "launch", new JsonObject { ["program"] = "/nowhere/p.wasm" }));
        Assert.Contains("array of strings", await Error(client, "launch", new JsonObject { ["program"] = DapTestClient.Debuggee, ["args"] = new JsonArray(1) }));
        string dir = Path.Combine(Path.GetTempPath(), "wit-dap-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "component.wasm"), new byte[] { 0, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x01, 0x00 });
            File.WriteAllBytes(Path.Combine(dir, "junk.wasm"), new byte[] { 0, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x01, 0xFF });
            // cwd resolves a relative program.
            Assert.Contains("is a component without core code", await Error(client, "launch", new JsonObject { ["program"] = "component.wasm", ["cwd"] = dir }));
            File.WriteAllBytes(Path.Combine(dir, "bad-component.wasm"), new byte[] { 0, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x01, 0x00, 0x01, 0xFF });
            Assert.Contains("not a valid component", await Error(client, "launch", new JsonObject { ["program"] = "bad-component.wasm", ["cwd"] = dir }));
            Assert.Contains("not a valid core module", await Error(client, "launch", new JsonObject { ["program"] = "junk.wasm", ["cwd"] = dir }));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
        Assert.Contains("'/nowhere-at-all' does not exist", await Error(client, "launch", new JsonObject { ["program"] = DapTestClient.Debuggee, ["preopens"] = new JsonObject { ["/"] = "/nowhere-at-all" } }));
        Assert.Contains("'preopens' must be an object", await Error(client, "launch", new JsonObject { ["program"] = DapTestClient.Debuggee, ["preopens"] = 3 }));
        // After failed launches a good one still works.
        await client.Request("launch", new JsonObject { ["program"] = DapTestClient.Debuggee, ["preopens"] = new JsonObject { ["/"] = "." } });
        await client.EventMessage("initialized");
        Assert.Contains("launched already", await Error(client, "launch", new JsonObject { ["program"] = DapTestClient.Debuggee }));
        Assert.Contains("not stopped", await Error(client, "stackTrace", new JsonObject { ["threadId"] = 1 }));
        Assert.Contains("not stopped", await Error(client, "continue", new JsonObject { ["threadId"] = 1 }));
        await client.Request("disconnect");
    }

    [Fact]
    public async Task Malformed_frames_and_bodies_are_skipped_and_the_next_request_is_answered()
    {
        await using var client = new DapTestClient();
        client.SendRaw("garbage without a header line break");
        client.SendRaw("Content-Length: nope\r\n\r\n");
        client.SendBody("{ not json");
        client.SendBody("[1, 2]");
        client.SendBody("{\"seq\": 7, \"type\": \"request\"}");
        client.SendBody("{\"seq\": 8, \"type\": \"request\", \"command\": \"initialize\", \"arguments\": 5}");
        var caps = await client.Request("initialize", new JsonObject { ["adapterID"] = "wit" });
        Assert.True((bool?)caps!["supportsConfigurationDoneRequest"]);
        Assert.Contains(client.Messages, m => (int?)m["request_seq"] == 7 && (bool?)m["success"] == false);
        Assert.Contains(client.Messages, m => (int?)m["request_seq"] == 8 && ((string?)m["message"])!.Contains("must be an object", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_arguments_at_a_stop_are_error_responses_and_the_stop_stays()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.Debuggee, new JsonObject { ["stopOnEntry"] = true });
        await client.Request("configurationDone");
        await client.Event("stopped");
        Assert.Contains("no frame 99", await Error(client, "scopes", new JsonObject { ["frameId"] = 99 }));
        Assert.Contains("no variables with reference", await Error(client, "variables", new JsonObject { ["variablesReference"] = 100000 }));
        Assert.Contains("not an address", await Error(client, "readMemory", new JsonObject { ["memoryReference"] = "here", ["count"] = 4 }));
        Assert.Contains("not base64", await Error(client, "writeMemory", new JsonObject { ["memoryReference"] = "0x10", ["data"] = "***" }));
        Assert.Contains("no source with reference 5", await Error(client, "source", new JsonObject { ["sourceReference"] = 5 }));
        Assert.Contains("not stopped at a trap", await Error(client, "exceptionInfo", new JsonObject { ["threadId"] = 1 }));
        Assert.Contains("instructionCount", await Error(client, "disassemble", new JsonObject { ["memoryReference"] = "0x0" }));
        Assert.Contains("unknown source reference", await Error(client, "setBreakpoints", new JsonObject { ["source"] = new JsonObject { ["sourceReference"] = 9 } }));
        Assert.Contains("the expression is empty", await Error(client, "evaluate", new JsonObject { ["expression"] = " ", ["frameId"] = 1 }));
        // Still stopped: the frames are there.
        Assert.NotEmpty(await SessionTests.Frames(client));
        await client.Request("terminate");
        await client.Event("exited");
        await client.EventMessage("terminated");
    }

    [Fact]
    public async Task Disassembly_before_and_after_the_code_is_padded_with_invalid_entries()
    {
        await using var client = new DapTestClient();
        await client.Launch(DapTestClient.Debuggee);
        var body = await client.Request("disassemble", new JsonObject { ["memoryReference"] = "0x0", ["instructionOffset"] = -3, ["instructionCount"] = 6 });
        var ins = (JsonArray)body!["instructions"]!;
        Assert.Equal(6, ins.Count);
        Assert.Equal("invalid", (string?)ins[0]!["presentationHint"]);
        Assert.Equal("invalid", (string?)ins[2]!["presentationHint"]);
        Assert.Null(ins[3]!["presentationHint"]);
        // The first function body of the module is _start (func 7, after the seven imports).
        Assert.Equal("_start", (string?)ins[3]!["symbol"]);
        var end = await client.Request("disassemble", new JsonObject { ["memoryReference"] = "0x7fffffff", ["instructionCount"] = 2 });
        Assert.All((JsonArray)end!["instructions"]!, i => Assert.Equal("invalid", (string?)i!["presentationHint"]));
        await client.Request("disconnect");
    }
}
