using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Wit.LanguageServer.Tests.TestKit;
using Xunit;

namespace Wit.LanguageServer.Tests.Protocol;

/// <summary>
/// Each kind of bad input gets the JSON-RPC answer the specification asks for (or is ignored where it says so), and
/// the server goes on serving: every test ends with a valid request that must be answered correctly.
/// </summary>
public class MalformedInputTests
{
    private const string Source = "package a:b;\n/// Docs.\ninterface i {\n  /// A point.\n  record point { x: u32, y: u64 }\n}\n";

    private static async Task<LspTestClient> StartAsync()
    {
        var (client, _, _) = await ServerFixture.StartAsync("//- /p/a.wit\n" + Source);
        await client.OpenAsync("/ws/p/a.wit", Source);
        return client;
    }

    /// <summary>The valid request that must still work: a hover on the record's name, with its ABI facts.</summary>
    private static async Task AssertStillServingAsync(LspTestClient client)
    {
        var response = await client.RequestAsync("textDocument/hover", LspTestClient.TextDocumentPosition("/ws/p/a.wit", 4, 10));
        Assert.Null(response["error"]);
        string markdown = response["result"]!["contents"]!["value"]!.GetValue<string>();
        Assert.Contains("record point", markdown);
        Assert.Contains("16", markdown);
        Assert.Empty(client.UnexpectedResponses);
    }

    [Fact]
    public async Task Invalid_json_is_a_parse_error()
    {
        await using var client = await StartAsync();
        var collector = new ErrorCollector(client);

        await client.SendRawAsync(LspTestClient.Frame(Encoding.UTF8.GetBytes("{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": ")));

        Assert.Equal(-32700, (await collector.NextErrorAsync())["error"]!["code"]!.GetValue<int>());
        await AssertStillServingAsync(client);
    }

    [Fact]
    public async Task A_bad_header_is_skipped()
    {
        await using var client = await StartAsync();

        await client.SendRawAsync(Encoding.ASCII.GetBytes("Content-Length: banana\r\n\r\n"));
        await client.SendRawAsync(Encoding.ASCII.GetBytes("this is not a header\r\n\r\n"));

        await AssertStillServingAsync(client);
        Assert.NotEmpty(client.Logs);
    }

    [Fact]
    public async Task An_unknown_method_is_method_not_found_and_an_unknown_notification_is_ignored()
    {
        await using var client = await StartAsync();

        var response = await client.RequestAsync("wit/noSuchThing", new JsonObject());
        await client.NotifyAsync("wit/noSuchNotification", new JsonObject());
        await client.NotifyAsync("$/noSuchThing", new JsonObject());

        Assert.Equal(-32601, response["error"]!["code"]!.GetValue<int>());
        await AssertStillServingAsync(client);
    }

    [Fact]
    public async Task Wrong_parameter_shapes_are_invalid_params()
    {
        await using var client = await StartAsync();

        var missing = await client.RequestAsync("textDocument/diagnostic", new JsonObject { ["nope"] = 1 });
        var wrongType = await client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = "file:///ws/p/a.wit" });

        Assert.Equal(-32602, missing["error"]!["code"]!.GetValue<int>());
        Assert.Equal(-32602, wrongType["error"]!["code"]!.GetValue<int>());
        await AssertStillServingAsync(client);
    }

    [Fact]
    public async Task A_message_that_is_not_a_request_is_an_invalid_request()
    {
        await using var client = await StartAsync();
        var collector = new ErrorCollector(client);

        await client.SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 42, ["method"] = 7 });

        var error = await collector.NextErrorAsync();
        Assert.Equal(-32600, error["error"]!["code"]!.GetValue<int>());
        await AssertStillServingAsync(client);
    }

    [Fact]
    public async Task An_edit_with_an_impossible_range_is_clamped_or_skipped_and_the_document_stays_usable()
    {
        await using var client = await StartAsync();

        // Past the end: clamped to the end, as LSP specifies for positions beyond a line or the document.
        await client.ChangeAsync("/ws/p/a.wit", 2, 999, 0, 999, 5, "// tail\n");
        // Reversed: cannot be applied; skipped and logged.
        await client.ChangeAsync("/ws/p/a.wit", 3, 4, 10, 1, 0, "x");
        // A change for a document that is not open is ignored.
        await client.ChangeAsync("/ws/p/missing.wit", 1, 0, 0, 0, 0, "x");

        var published = await client.WaitForVersionAsync("/ws/p/a.wit", 3);
        Assert.DoesNotContain(published["diagnostics"]!.AsArray(), d => d!["severity"]!.GetValue<int>() == 1);
        Assert.Equal(Source + "// tail\n", client.Server.Snapshot.GetDocument("/ws/p/a.wit")!.Text.Text);
        Assert.Contains(client.Logs, l => l.Contains("reversed range", System.StringComparison.Ordinal));
        await AssertStillServingAsync(client);
    }

    [Fact]
    public async Task A_request_cancelled_while_it_waits_answers_request_cancelled_exactly_once()
    {
        await using var client = await StartAsync();

        // A large document keeps the (exclusive) didOpen busy while the request queues behind it and is cancelled.
        var big = new StringBuilder("package big:one;\n");
        for (int i = 0; i < 20_000; i++) big.Append("interface i").Append(i).Append(" { f: func(a: list<u8>) -> result<string, u32>; }\n");
        var open = client.OpenAsync("/ws/p/big.wit", big.ToString());
        var request = client.StartRequest(777, "textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = LspTestClient.Uri("/ws/p/big.wit") } });
        await client.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = 777 });
        await open;

        var response = await request;
        Assert.Equal(-32800, response["error"]!["code"]!.GetValue<int>());
        await AssertStillServingAsync(client);
        Assert.Empty(client.UnexpectedResponses);
    }

    /// <summary>Collects responses the client did not ask for (ids it never sent, such as a parse error's null id).</summary>
    private sealed class ErrorCollector
    {
        private readonly LspTestClient _client;
        private readonly int _before;

        public ErrorCollector(LspTestClient client)
        {
            _client = client;
            _before = client.UnexpectedResponses.Count;
        }

        public async Task<JsonObject> NextErrorAsync()
        {
            var deadline = System.DateTime.UtcNow + LspTestClient.Timeout;
            while (_client.UnexpectedResponses.Count <= _before && System.DateTime.UtcNow < deadline) await Task.Delay(5);
            var message = JsonNode.Parse(_client.UnexpectedResponses.First())!.AsObject();
            _client.UnexpectedResponses.Clear();
            return message;
        }
    }
}
