using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Wit.Core.Workspace;
using Wit.LanguageServer.Tests.TestKit;
using Xunit;

namespace Wit.LanguageServer.Tests.Protocol;

public class LifecycleTests
{
    [Fact]
    public async Task Requests_before_initialize_are_refused_with_server_not_initialized()
    {
        await using var client = new LspTestClient(new InMemoryFileSystem());

        var response = await client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = LspTestClient.Uri("/ws/a.wit") } });

        Assert.Equal(-32002, response["error"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Initialize_reports_the_capabilities_and_server_info()
    {
        await using var client = new LspTestClient(new InMemoryFileSystem());

        var result = await client.ResultAsync("initialize", new JsonObject { ["capabilities"] = new JsonObject(), ["rootUri"] = null });

        var capabilities = result!["capabilities"]!;
        Assert.Equal(2, capabilities["textDocumentSync"]!["change"]!.GetValue<int>());
        Assert.Equal("utf-16", capabilities["positionEncoding"]!.GetValue<string>());
        Assert.Equal("wit-language-server", result["serverInfo"]!["name"]!.GetValue<string>());
    }

    /// <summary>
    /// The idle watch (memory given back after a burst of work) starts after <c>initialize</c> is answered, not as the
    /// process starts: on <c>initialized</c>, or on the first document opened by a client that skips it.
    /// </summary>
    [Fact]
    public async Task The_idle_watch_starts_on_initialized_or_on_the_first_document()
    {
        await using (var client = new LspTestClient(new InMemoryFileSystem()))
        {
            await client.ResultAsync("initialize", new JsonObject { ["capabilities"] = new JsonObject(), ["rootUri"] = null });
            Assert.False(client.Server.IdleWatchStarted);
            await client.NotifyAsync("initialized", new JsonObject());
            await client.RequestAsync("shutdown", null);
            Assert.True(client.Server.IdleWatchStarted);
            await client.NotifyAsync("exit", null);
            Assert.Equal(0, await client.ServerTask.WaitAsync(LspTestClient.Timeout));
        }

        await using (var skipping = new LspTestClient(new InMemoryFileSystem()))
        {
            await skipping.ResultAsync("initialize", new JsonObject { ["capabilities"] = new JsonObject(), ["rootUri"] = null });
            await skipping.OpenAsync("/ws/a.wit", "package a:b;\n");
            await skipping.RequestAsync("shutdown", null);
            Assert.True(skipping.Server.IdleWatchStarted);
            await skipping.NotifyAsync("exit", null);
            Assert.Equal(0, await skipping.ServerTask.WaitAsync(LspTestClient.Timeout));
        }
    }

    [Fact]
    public async Task A_second_initialize_is_an_invalid_request()
    {
        await using var client = await LspTestClient.StartAsync(new InMemoryFileSystem(), new[] { "/ws" });

        var response = await client.RequestAsync("initialize", new JsonObject { ["capabilities"] = new JsonObject() });

        Assert.Equal(-32600, response["error"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task After_shutdown_requests_are_invalid_and_exit_ends_with_code_zero()
    {
        await using var client = await LspTestClient.StartAsync(new InMemoryFileSystem(), new[] { "/ws" });
        await client.RequestAsync("shutdown", null);

        var after = await client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = LspTestClient.Uri("/ws/a.wit") } });
        await client.NotifyAsync("exit", null);

        Assert.Equal(-32600, after["error"]!["code"]!.GetValue<int>());
        Assert.Equal(0, await client.ServerTask.WaitAsync(LspTestClient.Timeout));
    }

    [Fact]
    public async Task Exit_without_shutdown_ends_with_code_one()
    {
        await using var client = await LspTestClient.StartAsync(new InMemoryFileSystem(), new[] { "/ws" });

        await client.NotifyAsync("exit", null);

        Assert.Equal(1, await client.ServerTask.WaitAsync(LspTestClient.Timeout));
    }

    [Fact]
    public async Task After_initialized_the_server_registers_watchers_and_reads_the_settings()
    {
        await using var client = await LspTestClient.StartAsync(new InMemoryFileSystem().Add("/ws/a.wit", "package a:b;\n"), new[] { "/ws" },
            settings: new JsonObject { ["lint"] = new JsonObject { ["enabled"] = false } });

        await client.WaitForDiagnosticsAsync("/ws/a.wit", _ => true);
        var deadline = System.DateTime.UtcNow + LspTestClient.Timeout;
        while (client.ServerRequests.Count < 2 && System.DateTime.UtcNow < deadline) await Task.Delay(10);

        var methods = client.ServerRequests.Select(r => r["method"]!.GetValue<string>()).ToList();
        Assert.Contains("client/registerCapability", methods);
        Assert.Contains("workspace/configuration", methods);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"workspace\":{\"configuration\":false,\"didChangeWatchedFiles\":{\"dynamicRegistration\":false}}}")]
    public async Task Without_those_capabilities_the_server_neither_registers_watchers_nor_asks_for_settings(string capabilities)
    {
        await using var client = new LspTestClient(new InMemoryFileSystem().Add("/ws/a.wit", "package a:b;\n"));

        await client.ResultAsync("initialize", new JsonObject { ["capabilities"] = JsonNode.Parse(capabilities), ["rootUri"] = LspTestClient.Uri("/ws") });
        await client.NotifyAsync("initialized", new JsonObject());
        await client.WaitForDiagnosticsAsync("/ws/a.wit", _ => true);
        // A request the server handles after `initialized`: whatever that sent the client has arrived by its answer.
        await client.RequestAsync("shutdown", null);

        Assert.Empty(client.ServerRequests);
    }

    [Fact]
    public async Task A_capability_the_server_does_not_read_does_not_hide_the_ones_it_does()
    {
        // Deserialised whole, a hover capability of the wrong shape made the server ignore workspace/configuration too.
        await using var client = new LspTestClient(new InMemoryFileSystem().Add("/ws/a.wit", "package a:b;\n"));

        await client.ResultAsync("initialize", new JsonObject
        {
            ["capabilities"] = JsonNode.Parse("{\"textDocument\":{\"hover\":5},\"workspace\":{\"configuration\":true}}"),
            ["rootUri"] = LspTestClient.Uri("/ws"),
        });
        await client.NotifyAsync("initialized", new JsonObject());
        await client.WaitForDiagnosticsAsync("/ws/a.wit", _ => true);
        var deadline = System.DateTime.UtcNow + LspTestClient.Timeout;
        while (client.ServerRequests.Count < 1 && System.DateTime.UtcNow < deadline) await Task.Delay(10);

        Assert.Equal(new[] { "workspace/configuration" }, client.ServerRequests.Select(r => r["method"]!.GetValue<string>()));
        Assert.DoesNotContain(client.Logs, line => line.StartsWith("ignoring the client's capabilities", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"workspace\":5}", true)]
    [InlineData("{\"workspace\":{\"configuration\":\"yes\"}}", true)]
    [InlineData("[]", false)] // not an object: nothing to read, nothing to say
    public async Task Capabilities_that_do_not_read_as_LSP_are_ignored_and_logged(string capabilities, bool logged)
    {
        await using var client = new LspTestClient(new InMemoryFileSystem().Add("/ws/a.wit", "package a:b;\n"));

        var result = await client.ResultAsync("initialize", new JsonObject { ["capabilities"] = JsonNode.Parse(capabilities), ["rootUri"] = LspTestClient.Uri("/ws") });
        await client.NotifyAsync("initialized", new JsonObject());
        await client.WaitForDiagnosticsAsync("/ws/a.wit", _ => true);
        await client.RequestAsync("shutdown", null);

        Assert.Equal("wit-language-server", result!["serverInfo"]!["name"]!.GetValue<string>());
        Assert.Empty(client.ServerRequests);
        Assert.Equal(logged, client.Logs.Any(line => line.StartsWith("ignoring the client's capabilities", System.StringComparison.Ordinal)));
    }
}
