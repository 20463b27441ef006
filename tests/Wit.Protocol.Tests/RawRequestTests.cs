using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Wit.Protocol.Tests;

/// <summary><see cref="JsonRpcConnection.OnRawRequest"/>: params read and results written by the handler, without metadata.</summary>
public sealed class RawRequestTests
{
    /// <summary>Reads <c>{"name": string}</c> as the clone of its value, refusing anything else.</summary>
    private static JsonElement ReadName(JsonElement parameters) =>
        parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            ? name.Clone()
            : throw new JsonException("name must be a string");

    private static TestClient Start() => TestClient.Start(
        c => c.OnRawRequest("test/greet", ReadName, async (JsonElement name, CancellationToken _) =>
        {
            // Answered after the message's document is gone: what the reader kept must stand on its own.
            await Task.Yield();
            string text = "hello " + name.GetString();
            return writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("greeting", text);
                writer.WriteNumber("length", text.Length);
                writer.WriteEndObject();
            };
        }),
        maxMessageLength: 4 * 1024 * 1024);

    [Fact]
    public async Task The_handler_reads_the_params_and_writes_the_result()
    {
        await using var client = Start();
        await client.SendAsync("""{"jsonrpc":"2.0","id":1,"method":"test/greet","params":{"name":"wit","other":[1,2]}}""");

        var result = (await client.ReadResponseAsync("1")).GetProperty("result");
        Assert.Equal("hello wit", result.GetProperty("greeting").GetString());
        Assert.Equal(9, result.GetProperty("length").GetInt32());
    }

    [Fact]
    public async Task Params_of_a_large_message_are_read_from_their_own_document()
    {
        // Above JsonRpcConnection.UnpooledParseFrom the params are not part of the message's document.
        string name = new string('w', JsonRpcConnection.UnpooledParseFrom + 1000);
        await using var client = Start();
        await client.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"test/greet\",\"params\":{\"name\":\"" + name + "\"}}");

        var result = (await client.ReadResponseAsync("2")).GetProperty("result");
        Assert.Equal(name.Length + "hello ".Length, result.GetProperty("length").GetInt32());
        Assert.EndsWith("www", result.GetProperty("greeting").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":3,"method":"test/greet","params":{"name":5}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":3,"method":"test/greet","params":[1]}""")]
    [InlineData("""{"jsonrpc":"2.0","id":3,"method":"test/greet"}""")] // absent params read as {}: no name
    public async Task Params_the_reader_refuses_are_answered_as_invalid(string message)
    {
        await using var client = Start();
        await client.SendAsync(message);

        var error = (await client.ReadResponseAsync("3")).GetProperty("error");
        Assert.Equal(JsonRpcErrorCodes.InvalidParams, error.GetProperty("code").GetInt32());
        Assert.Contains("name must be a string", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
