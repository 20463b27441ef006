using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Wit.Protocol.Tests;

public sealed class FramingTests
{
    private const string Echo1 = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test/echo\",\"params\":{\"text\":\"one\"}}";
    private const string Echo2 = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"test/echo\",\"params\":{\"text\":\"two\"}}";

    [Fact]
    public async Task Messages_split_across_many_small_writes_are_reassembled()
    {
        await using TestClient client = TestClient.Start(c => DispatchTests.RegisterEcho(c, RequestOrdering.Exclusive));
        byte[] bytes = TestClient.Frame(Echo1).Concat(TestClient.Frame(Echo2)).ToArray();

        foreach (byte b in bytes)
        {
            await client.WriteRawAsync(new[] { b });
        }

        Assert.Equal("one", (await client.ReadResponseAsync("1")).GetProperty("result").GetString());
        Assert.Equal("two", (await client.ReadResponseAsync("2")).GetProperty("result").GetString());
    }

    [Fact]
    public async Task Several_messages_in_one_write_are_all_served()
    {
        await using TestClient client = TestClient.Start(c => DispatchTests.RegisterEcho(c, RequestOrdering.Exclusive));
        var all = new List<byte>();
        for (int i = 0; i < 20; i++)
        {
            all.AddRange(TestClient.Frame("{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"test/echo\",\"params\":{\"text\":\"m" + i + "\"}}"));
        }

        await client.WriteRawAsync(all.ToArray());

        for (int i = 0; i < 20; i++)
        {
            Assert.Equal("m" + i, (await client.ReadResponseAsync(i.ToString(System.Globalization.CultureInfo.InvariantCulture))).GetProperty("result").GetString());
        }
    }

    [Fact]
    public async Task Content_length_counts_utf8_bytes()
    {
        const string text = "h\u00e9llo \u4e16\u754c \ud83c\udf89";
        await using TestClient client = TestClient.Start(c => DispatchTests.RegisterEcho(c));
        string json = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test/echo\",\"params\":{\"text\":\"" + text + "\"}}";
        Assert.NotEqual(json.Length, Encoding.UTF8.GetByteCount(json));

        await client.SendAsync(json);

        // The test client reads exactly Content-Length bytes, so a count in UTF-16 units would break the parse.
        Assert.Equal(text, (await client.ReadResponseAsync("1")).GetProperty("result").GetString());
    }

    [Fact]
    public async Task Invalid_json_is_answered_with_ParseError_and_the_next_request_is_served()
    {
        await using TestClient client = TestClient.Start(c => DispatchTests.RegisterEcho(c));
        await client.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":");
        await client.SendAsync(Echo2);

        JsonElement error = await client.ReadResponseAsync("null");
        Assert.Equal(JsonRpcErrorCodes.ParseError, error.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("two", (await client.ReadResponseAsync("2")).GetProperty("result").GetString());
    }

    [Fact]
    public async Task Deeply_nested_json_is_a_ParseError_not_a_crash()
    {
        await using TestClient client = TestClient.Start(c => DispatchTests.RegisterEcho(c));
        string deep = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test/echo\",\"params\":{\"text\":\"a\",\"x\":" + new string('[', 10000) + new string(']', 10000) + "}}";
        await client.SendAsync(deep);
        await client.SendAsync(Echo2);

        Assert.Equal(JsonRpcErrorCodes.ParseError, (await client.ReadResponseAsync("null")).GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("two", (await client.ReadResponseAsync("2")).GetProperty("result").GetString());
    }

    [Fact]
    public async Task Large_messages_are_served_and_their_bad_json_is_a_ParseError()
    {
        string filler = new string('x', JsonRpcConnection.UnpooledParseFrom);
        await using TestClient client = TestClient.Start(c => DispatchTests.RegisterEcho(c));
        await client.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test/echo\",\"params\":{\"text\":\"big\",\"pad\":\"" + filler + "\"}}");
        await client.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"test/echo\",\"params\":{\"text\":\"" + filler + "\"}} trailing");
        await client.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"test/echo\",\"params\":{\"text\":\"a\",\"x\":" + new string('[', 10000) + new string(']', 10000) + ",\"pad\":\"" + filler + "\"}}");
        // Large through a member other than params: no request of ours is, so it is refused unparsed.
        await client.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"test/echo\",\"pad\":\"" + filler + "\",\"params\":{\"text\":\"x\"}}");
        await client.SendAsync(Echo2);

        // Parse errors are sent at once, answers when their handler ran: compare the five in any order.
        var answers = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            JsonElement message = await client.ReadAsync();
            answers.Add(message.GetProperty("id").GetRawText() + " " + (message.TryGetProperty("result", out var result) ? result.GetString() : message.GetProperty("error").GetProperty("code").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        answers.Sort(StringComparer.Ordinal);
        Assert.Equal(new[] { "1 big", "2 two", "null -32600", "null -32700", "null -32700" }, answers);
    }

    [Theory]
    [InlineData("{\"id\":1,\"params\":{\"a\":[1,2]},\"method\":\"m\"}", "{\"a\":[1,2]}")]
    [InlineData("{\"params\":\"text\"}", "\"text\"")]
    [InlineData("{\"params\":null,\"id\":2}", "")]
    [InlineData("{\"params\":1,\"params\":2}", "")]
    [InlineData("{\"id\":1}", "")]
    [InlineData("[{\"params\":1}]", "")]
    [InlineData(" {\"p\":{\"params\":5},\"params\":[ 3 ]} ", "[ 3 ]")]
    public void The_params_of_a_message_are_found_at_the_top_level_only(string message, string expected)
    {
        byte[] body = Encoding.UTF8.GetBytes(message);
        var (start, end) = JsonRpcConnection.FindParams(body);
        Assert.Equal(expected, Encoding.UTF8.GetString(body, start, end - start));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"params\":{}")]
    [InlineData("{\"params\":{}} x")]
    [InlineData("{\"params\":[}")]
    public void Finding_params_in_invalid_json_throws(string message) =>
        Assert.ThrowsAny<JsonException>(() => JsonRpcConnection.FindParams(Encoding.UTF8.GetBytes(message)));

    [Fact]
    public async Task Garbage_header_line_is_skipped_and_logged()
    {
        await using TestClient client = TestClient.Start(c => DispatchTests.RegisterEcho(c));
        await client.WriteRawAsync("this is not a header\r\n");
        await client.SendAsync(Echo1);

        Assert.Equal("one", (await client.ReadResponseAsync("1")).GetProperty("result").GetString());
        Assert.Contains(client.Logs, line => line.Contains("this is not a header", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_content_length_skips_that_message_and_resynchronises()
    {
        await using TestClient client = TestClient.Start(c => DispatchTests.RegisterEcho(c));
        await client.WriteRawAsync("Content-Length: abc\r\n\r\n" + Echo1);
        await client.SendAsync(Echo2);

        // The first body has no usable length and is lost; the reader finds the next header inside the garbage.
        Assert.Equal("two", (await client.ReadResponseAsync("2")).GetProperty("result").GetString());
        Assert.Contains(client.Logs, line => line.Contains("Content-Length", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_content_length_skips_the_header_block()
    {
        await using TestClient client = TestClient.Start(c => DispatchTests.RegisterEcho(c));
        await client.WriteRawAsync("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n");
        await client.SendAsync(Echo1);

        Assert.Equal("one", (await client.ReadResponseAsync("1")).GetProperty("result").GetString());
        Assert.Contains(client.Logs, line => line.Contains("without a valid Content-Length", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Content_type_header_and_lower_case_names_are_accepted()
    {
        await using TestClient client = TestClient.Start(c => DispatchTests.RegisterEcho(c));
        byte[] body = Encoding.UTF8.GetBytes(Echo1);
        await client.WriteRawAsync("content-length: " + body.Length + "\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n");
        await client.WriteRawAsync(body);

        Assert.Equal("one", (await client.ReadResponseAsync("1")).GetProperty("result").GetString());
        Assert.Empty(client.Logs);
    }

    [Fact]
    public async Task Oversized_message_is_skipped()
    {
        var client = TestClientWithLimit(100);
        await using (client)
        {
            string big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test/echo\",\"params\":{\"text\":\"" + new string('x', 200) + "\"}}";
            await client.SendAsync(big);
            await client.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"test/echo\",\"params\":{\"text\":\"s\"}}");

            // The skipped message's id is in the body nobody read: the error says what happened, without an id.
            JsonElement error = await client.ReadResponseAsync("null");
            Assert.Equal(JsonRpcErrorCodes.InvalidRequest, error.GetProperty("error").GetProperty("code").GetInt32());
            Assert.Contains("above the limit", error.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal("s", (await client.ReadResponseAsync("2")).GetProperty("result").GetString());
            Assert.Contains(client.Logs, line => line.Contains("above the limit", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task End_of_input_completes_RunAsync_after_answering_what_was_received()
    {
        await using TestClient client = TestClient.Start(c => DispatchTests.RegisterEcho(c));
        await client.SendAsync(Echo1);
        client.CloseInput();

        await client.Run.WaitAsync(TestClient.Timeout);
        Assert.Equal("one", (await client.ReadResponseAsync("1")).GetProperty("result").GetString());
    }

    [Fact]
    public async Task End_of_input_cancels_pending_server_requests()
    {
        await using TestClient client = TestClient.Start(_ => { });
        Task<string?> request = client.Connection.SendRequestAsync("client/question", new TestParams { Text = "x" }, TestJsonContext.Default.TestParams, TestJsonContext.Default.String);
        await client.ReadAsync();
        client.CloseInput();

        await client.Run.WaitAsync(TestClient.Timeout);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request.WaitAsync(TestClient.Timeout));
    }

    [Fact]
    public async Task Concurrent_sends_never_interleave()
    {
        await using TestClient client = TestClient.Start(_ => { });
        const int count = 200;
        Task reader = Task.Run(async () =>
        {
            var seen = new HashSet<int>();
            for (int i = 0; i < count; i++)
            {
                JsonElement message = await client.ReadAsync();
                TestParams? p = message.GetProperty("params").Deserialize(TestJsonContext.Default.TestParams);
                Assert.Equal(new string((char)('a' + (p!.Number % 26)), 5000), p.Text);
                Assert.True(seen.Add(p.Number));
            }
        });

        await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() =>
            client.Connection.SendNotificationAsync("test/n", new TestParams { Number = i, Text = new string((char)('a' + (i % 26)), 5000) }, TestJsonContext.Default.TestParams))));

        await reader.WaitAsync(TestClient.Timeout);
    }

    private static TestClient TestClientWithLimit(int limit)
    {
        return TestClient.Start(c => DispatchTests.RegisterEcho(c), limit);
    }
}
