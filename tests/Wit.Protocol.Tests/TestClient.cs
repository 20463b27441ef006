using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Wit.Protocol.Tests;

/// <summary>
/// The client end of a <see cref="JsonRpcConnection"/> running over in-memory pipes: it writes raw bytes (framed or
/// not) and reads framed messages with a strict parser of its own, so the tests check the real wire format.
/// </summary>
internal sealed class TestClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Pipe toServer = new();
    private readonly Pipe fromServer = new();

    private TestClient(Action<JsonRpcConnection> setup, int maxMessageLength)
    {
        Connection = new JsonRpcConnection(toServer.Reader.AsStream(), fromServer.Writer.AsStream(), new JsonRpcOptions { Log = Logs.Enqueue, MaxMessageLength = maxMessageLength });
        setup(Connection);
        Run = Connection.RunAsync();
    }

    public JsonRpcConnection Connection { get; }

    public Task Run { get; }

    public ConcurrentQueue<string> Logs { get; } = new();

    public static TestClient Start(Action<JsonRpcConnection> setup, int maxMessageLength = 1 << 20) => new(setup, maxMessageLength);

    public static byte[] Frame(string json)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        byte[] frame = new byte[header.Length + body.Length];
        header.CopyTo(frame, 0);
        body.CopyTo(frame, header.Length);
        return frame;
    }

    public async Task WriteRawAsync(byte[] bytes)
    {
        await toServer.Writer.WriteAsync(bytes);
    }

    public Task WriteRawAsync(string text) => WriteRawAsync(Encoding.UTF8.GetBytes(text));

    public Task SendAsync(string json) => WriteRawAsync(Frame(json));

    public Task RequestAsync(object id, string method, string? paramsJson = null)
    {
        string idJson = id is string s ? JsonSerializer.Serialize(s, TestJsonContext.Default.String) : Convert.ToString(id, CultureInfo.InvariantCulture)!;
        return SendAsync("{\"jsonrpc\":\"2.0\",\"id\":" + idJson + ",\"method\":\"" + method + "\"" + (paramsJson is null ? "" : ",\"params\":" + paramsJson) + "}");
    }

    public Task NotifyAsync(string method, string? paramsJson = null)
    {
        return SendAsync("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\"" + (paramsJson is null ? "" : ",\"params\":" + paramsJson) + "}");
    }

    public Task CancelAsync(object id)
    {
        string idJson = id is string s ? JsonSerializer.Serialize(s, TestJsonContext.Default.String) : Convert.ToString(id, CultureInfo.InvariantCulture)!;
        return NotifyAsync("$/cancelRequest", "{\"id\":" + idJson + "}");
    }

    public void CloseInput() => toServer.Writer.Complete();

    /// <summary>Reads the next message the server wrote; fails after <see cref="Timeout"/>.</summary>
    public async Task<JsonElement> ReadAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        PipeReader reader = fromServer.Reader;
        int? length = null;
        while (true)
        {
            ReadResult result = await reader.ReadAsync(timeout.Token);
            ReadOnlySequence<byte> buffer = result.Buffer;
            while (true)
            {
                if (length is int n)
                {
                    if (buffer.Length < n)
                    {
                        break;
                    }

                    byte[] body = buffer.Slice(0, n).ToArray();
                    reader.AdvanceTo(buffer.GetPosition(n));
                    return JsonDocument.Parse(body).RootElement.Clone();
                }

                SequencePosition? end = buffer.PositionOf((byte)'\n');
                if (end is null)
                {
                    break;
                }

                string line = Encoding.ASCII.GetString(buffer.Slice(0, end.Value));
                buffer = buffer.Slice(buffer.GetPosition(1, end.Value));
                if (!line.EndsWith('\r'))
                {
                    throw new InvalidOperationException($"Header line not ended by CRLF: '{line}'.");
                }

                line = line[..^1];
                if (line.Length == 0)
                {
                    length = pendingLength ?? throw new InvalidOperationException("Header block without Content-Length.");
                    pendingLength = null;
                    continue;
                }

                const string prefix = "Content-Length: ";
                if (!line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"Unexpected header line: '{line}'.");
                }

                pendingLength = int.Parse(line[prefix.Length..], CultureInfo.InvariantCulture);
            }

            if (result.IsCompleted)
            {
                throw new InvalidOperationException("The server closed its output.");
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private int? pendingLength;

    /// <summary>Reads the next message and checks that it is the response to <paramref name="idJson"/>.</summary>
    public async Task<JsonElement> ReadResponseAsync(string idJson)
    {
        JsonElement message = await ReadAsync();
        if (!message.TryGetProperty("id", out JsonElement id) || id.GetRawText() != idJson)
        {
            throw new InvalidOperationException($"Expected the response to {idJson}, got {message.GetRawText()}.");
        }

        return message;
    }

    public async ValueTask DisposeAsync()
    {
        Connection.Stop();
        await toServer.Writer.CompleteAsync();
        await Run.WaitAsync(Timeout);
    }
}
