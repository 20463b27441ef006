using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Wit.Protocol.Tests;

public sealed class DispatchTests
{
    internal static void RegisterEcho(JsonRpcConnection connection, RequestOrdering ordering = RequestOrdering.Parallel)
    {
        connection.OnRequest(
            "test/echo",
            TestJsonContext.Default.TestParams,
            TestJsonContext.Default.String,
            (TestParams p, CancellationToken ct) => ValueTask.FromResult<string?>(p.Text),
            ordering);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("9007199254740993")]
    [InlineData("\"abc\"")]
    [InlineData("\"\"")]
    [InlineData("\"caf\\u00e9\"")]
    public async Task Request_is_answered_with_its_id_echoed_exactly(string idJson)
    {
        await using TestClient client = TestClient.Start(c => RegisterEcho(c));
        await client.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":" + idJson + ",\"method\":\"test/echo\",\"params\":{\"text\":\"hi\"}}");

        JsonElement response = await client.ReadResponseAsync(idJson);

        Assert.Equal("2.0", response.GetProperty("jsonrpc").GetString());
        Assert.Equal("hi", response.GetProperty("result").GetString());
        Assert.False(response.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task Lazily_registered_metadata_is_made_only_when_a_message_for_it_arrives()
    {
        int echoMetadata = 0, otherMetadata = 0;
        await using TestClient client = TestClient.Start(c =>
        {
            c.OnRequest("test/echo",
                () => { Interlocked.Increment(ref echoMetadata); return TestJsonContext.Default.TestParams; },
                () => TestJsonContext.Default.String,
                (TestParams p, CancellationToken ct) => ValueTask.FromResult<string?>(p.Text),
                RequestOrdering.Parallel);
            c.OnNotification("test/other",
                () => { Interlocked.Increment(ref otherMetadata); return TestJsonContext.Default.TestParams; },
                (TestParams p, CancellationToken ct) => ValueTask.CompletedTask);
        });
        Assert.Equal(0, echoMetadata);

        await client.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"test/echo\",\"params\":{\"text\":\"lazy\"}}");
        JsonElement response = await client.ReadResponseAsync("5");

        Assert.Equal("lazy", response.GetProperty("result").GetString());
        Assert.Equal(1, echoMetadata);
        Assert.Equal(0, otherMetadata);
    }

    [Fact]
    public async Task Notification_reaches_its_handler()
    {
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using TestClient client = TestClient.Start(c => c.OnNotification(
            "test/notify",
            TestJsonContext.Default.TestParams,
            (TestParams p, CancellationToken ct) =>
            {
                received.TrySetResult(p.Text + p.Number);
                return ValueTask.CompletedTask;
            }));

        await client.NotifyAsync("test/notify", "{\"text\":\"n\",\"number\":7}");

        Assert.Equal("n7", await received.Task.WaitAsync(TestClient.Timeout));
    }

    [Fact]
    public async Task Request_without_params_binds_EmptyParams_and_answers_null()
    {
        int calls = 0;
        await using TestClient client = TestClient.Start(c => c.OnRequest(
            "shutdown",
            LspJsonContext.Default.EmptyParams,
            (EmptyParams p, CancellationToken ct) =>
            {
                Interlocked.Increment(ref calls);
                return ValueTask.CompletedTask;
            }));

        await client.RequestAsync(1, "shutdown");
        await client.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\",\"params\":null}");

        JsonElement first = await client.ReadResponseAsync("1");
        JsonElement second = await client.ReadResponseAsync("2");
        Assert.Equal(JsonValueKind.Null, first.GetProperty("result").ValueKind);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("result").ValueKind);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Handler_can_await_a_request_to_the_client()
    {
        // The handler is exclusive and awaits the client's answer: the response must be read by the reader loop
        // while the dispatch loop is busy with this very handler.
        JsonRpcConnection? connection = null;
        await using TestClient client = TestClient.Start(c =>
        {
            connection = c;
            c.OnRequest(
                "test/ask",
                TestJsonContext.Default.TestParams,
                TestJsonContext.Default.String,
                async (TestParams p, CancellationToken ct) =>
                {
                    string? answer = await connection!.SendRequestAsync("client/question", new TestParams { Text = p.Text }, TestJsonContext.Default.TestParams, TestJsonContext.Default.String, ct);
                    return "got " + answer;
                },
                RequestOrdering.Exclusive);
        });

        await client.RequestAsync(1, "test/ask", "{\"text\":\"q\"}");
        JsonElement question = await client.ReadAsync();
        Assert.Equal("client/question", question.GetProperty("method").GetString());
        Assert.Equal("q", question.GetProperty("params").GetProperty("text").GetString());
        await client.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":" + question.GetProperty("id").GetRawText() + ",\"result\":\"42\"}");

        JsonElement response = await client.ReadResponseAsync("1");
        Assert.Equal("got 42", response.GetProperty("result").GetString());
    }

    [Fact]
    public async Task Error_response_to_a_server_request_fails_with_JsonRpcException()
    {
        await using TestClient client = TestClient.Start(_ => { });
        Task<string?> request = client.Connection.SendRequestAsync("client/question", new TestParams { Text = "x" }, TestJsonContext.Default.TestParams, TestJsonContext.Default.String);

        JsonElement question = await client.ReadAsync();
        await client.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":" + question.GetProperty("id").GetRawText() + ",\"error\":{\"code\":-32099,\"message\":\"nope\",\"data\":{\"why\":1}}}");

        JsonRpcException exception = await Assert.ThrowsAsync<JsonRpcException>(() => request.WaitAsync(TestClient.Timeout));
        Assert.Equal(-32099, exception.Code);
        Assert.Equal("nope", exception.Message);
        Assert.Equal(1, exception.ErrorData!.Value.GetProperty("why").GetInt32());
    }

    [Fact]
    public async Task Cancelling_a_server_request_sends_cancelRequest_and_cancels_the_task()
    {
        await using TestClient client = TestClient.Start(_ => { });
        using var cancel = new CancellationTokenSource();
        Task<string?> request = client.Connection.SendRequestAsync("client/slow", new TestParams { Text = "x" }, TestJsonContext.Default.TestParams, TestJsonContext.Default.String, cancel.Token);

        JsonElement question = await client.ReadAsync();
        cancel.Cancel();
        JsonElement cancelMessage = await client.ReadAsync();

        Assert.Equal("$/cancelRequest", cancelMessage.GetProperty("method").GetString());
        Assert.Equal(question.GetProperty("id").GetRawText(), cancelMessage.GetProperty("params").GetProperty("id").GetRawText());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request.WaitAsync(TestClient.Timeout));
    }

    [Theory]
    [InlineData("{\"id\":7,\"method\":\"test/echo\",\"params\":{\"text\":\"a\"}}", "7")]
    [InlineData("{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"test/echo\",\"params\":{\"text\":\"a\"}}", "7")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":42}", "8")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":\"s\"}", "\"s\"")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"test/echo\"}", "null")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"test/echo\"}", "null")]
    [InlineData("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test/echo\",\"params\":{\"text\":\"a\"}}]", "null")]
    [InlineData("42", "null")]
    public async Task Invalid_request_is_answered_with_InvalidRequest(string message, string expectedId)
    {
        await using TestClient client = TestClient.Start(c => RegisterEcho(c));
        await client.SendAsync(message);

        JsonElement response = await client.ReadResponseAsync(expectedId);
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, response.GetProperty("error").GetProperty("code").GetInt32());

        // The connection keeps serving.
        await client.RequestAsync(2, "test/echo", "{\"text\":\"after\"}");
        Assert.Equal("after", (await client.ReadResponseAsync("2")).GetProperty("result").GetString());
    }

    [Fact]
    public async Task Unknown_request_is_answered_with_MethodNotFound()
    {
        await using TestClient client = TestClient.Start(c => RegisterEcho(c));
        await client.RequestAsync(1, "test/unknown");

        JsonElement error = (await client.ReadResponseAsync("1")).GetProperty("error");
        Assert.Equal(JsonRpcErrorCodes.MethodNotFound, error.GetProperty("code").GetInt32());
        Assert.Contains("test/unknown", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_notifications_are_ignored_without_a_response()
    {
        await using TestClient client = TestClient.Start(c => RegisterEcho(c));
        await client.NotifyAsync("test/unknownNotification", "{}");
        await client.NotifyAsync("$/foo", "{\"x\":1}");
        await client.NotifyAsync("$/setTrace", "{\"value\":\"off\"}");
        await client.RequestAsync(1, "test/echo", "{\"text\":\"next\"}");

        // The first message back is the echo's response: nothing answered the notifications.
        JsonElement response = await client.ReadResponseAsync("1");
        Assert.Equal("next", response.GetProperty("result").GetString());
        Assert.Contains(client.Logs, line => line.Contains("test/unknownNotification", StringComparison.Ordinal));
        Assert.DoesNotContain(client.Logs, line => line.Contains("$/foo", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"text\":42}")]
    [InlineData("{\"number\":1}")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    public async Task Params_of_the_wrong_shape_are_answered_with_InvalidParams(string paramsJson)
    {
        await using TestClient client = TestClient.Start(c => RegisterEcho(c));
        await client.RequestAsync(1, "test/echo", paramsJson);

        JsonElement error = (await client.ReadResponseAsync("1")).GetProperty("error");
        Assert.Equal(JsonRpcErrorCodes.InvalidParams, error.GetProperty("code").GetInt32());
        Assert.Contains("test/echo", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throwing_handler_is_answered_with_InternalError_and_the_connection_keeps_serving()
    {
        await using TestClient client = TestClient.Start(c =>
        {
            RegisterEcho(c);
            c.OnRequest("test/throw", TestJsonContext.Default.TestParams, TestJsonContext.Default.String,
                (TestParams p, CancellationToken ct) => throw new InvalidOperationException("boom " + p.Text));
            c.OnNotification("test/throwNotification", TestJsonContext.Default.TestParams,
                (TestParams p, CancellationToken ct) => throw new InvalidOperationException("quiet boom"));
        });

        await client.RequestAsync(1, "test/throw", "{\"text\":\"x\"}");
        JsonElement error = (await client.ReadResponseAsync("1")).GetProperty("error");
        Assert.Equal(JsonRpcErrorCodes.InternalError, error.GetProperty("code").GetInt32());
        Assert.Contains("boom x", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        await client.NotifyAsync("test/throwNotification", "{\"text\":\"y\"}");
        await client.RequestAsync(2, "test/echo", "{\"text\":\"alive\"}");
        Assert.Equal("alive", (await client.ReadResponseAsync("2")).GetProperty("result").GetString());
        Assert.Contains(client.Logs, line => line.Contains("quiet boom", StringComparison.Ordinal));
    }

    [Fact]
    public async Task JsonRpcExceptions_become_their_error_codes()
    {
        await using TestClient client = TestClient.Start(c =>
        {
            c.OnRequest("test/modified", TestJsonContext.Default.TestParams, TestJsonContext.Default.String,
                (TestParams p, CancellationToken ct) => throw new JsonRpcException(JsonRpcErrorCodes.ContentModified, "modified"));
            c.OnRequest("test/failed", TestJsonContext.Default.TestParams, TestJsonContext.Default.String,
                (TestParams p, CancellationToken ct) => throw new JsonRpcException(JsonRpcErrorCodes.RequestFailed, "cannot rename here"));
        });

        await client.RequestAsync(1, "test/modified", "{\"text\":\"x\"}");
        JsonElement modified = (await client.ReadResponseAsync("1")).GetProperty("error");
        Assert.Equal(-32801, modified.GetProperty("code").GetInt32());

        await client.RequestAsync(2, "test/failed", "{\"text\":\"x\"}");
        JsonElement failed = (await client.ReadResponseAsync("2")).GetProperty("error");
        Assert.Equal(-32803, failed.GetProperty("code").GetInt32());
        Assert.Equal("cannot rename here", failed.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Stop_from_a_handler_ends_RunAsync()
    {
        JsonRpcConnection? connection = null;
        TestClient client = TestClient.Start(c =>
        {
            connection = c;
            c.OnNotification("exit", LspJsonContext.Default.EmptyParams, (EmptyParams p, CancellationToken ct) =>
            {
                connection!.Stop();
                return ValueTask.CompletedTask;
            });
        });

        await client.NotifyAsync("exit");

        await client.Run.WaitAsync(TestClient.Timeout);
        await client.DisposeAsync();
    }

    [Fact]
    public async Task Response_to_an_unknown_id_is_logged_and_ignored()
    {
        await using TestClient client = TestClient.Start(c => RegisterEcho(c));
        await client.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":999,\"result\":null}");
        await client.RequestAsync(1, "test/echo", "{\"text\":\"ok\"}");

        Assert.Equal("ok", (await client.ReadResponseAsync("1")).GetProperty("result").GetString());
        Assert.Contains(client.Logs, line => line.Contains("999", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Progress_is_sent_as_a_progress_notification()
    {
        await using TestClient client = TestClient.Start(_ => { });
        await client.Connection.SendProgressAsync("tok", new Lsp.WorkDoneProgressBegin { Title = "Indexing", Percentage = 5 }, LspJsonContext.Default.WorkDoneProgressBegin);

        JsonElement message = await client.ReadAsync();
        Assert.Equal("$/progress", message.GetProperty("method").GetString());
        JsonElement parameters = message.GetProperty("params");
        Assert.Equal("tok", parameters.GetProperty("token").GetString());
        Assert.Equal("begin", parameters.GetProperty("value").GetProperty("kind").GetString());
        Assert.Equal("Indexing", parameters.GetProperty("value").GetProperty("title").GetString());
        Assert.Equal(new[] { "kind", "title", "percentage" }, parameters.GetProperty("value").EnumerateObject().Select(p => p.Name));
    }
}
