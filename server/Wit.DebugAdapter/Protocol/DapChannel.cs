using System;
using System.IO;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wit.Protocol;

namespace Wit.DebugAdapter.Protocol;

/// <summary>
/// The Debug Adapter Protocol's base layer: <c>Content-Length</c> framed JSON messages (read with Wit.Protocol's
/// <see cref="MessageFramer"/>, the framing LSP shares), each with a <c>seq</c>; requests in, responses and events out.
/// Writes come from the request loop and from the debuggee's thread, so they are serialised by a lock.
/// </summary>
internal sealed class DapChannel
{
    /// <summary>A message larger than this is skipped as it streams in (DAP requests are small; writeMemory is the largest).</summary>
    private const int MaxMessageLength = 64 * 1024 * 1024;

    private readonly MessageFramer _framer;
    private readonly Stream _output;
    private readonly Action<string>? _log;
    private readonly object _writeLock = new();
    private int _seq;
    private bool _broken;

    public DapChannel(Stream input, Stream output, Action<string>? log)
    {
        _framer = new MessageFramer(PipeReader.Create(input), log, MaxMessageLength);
        _output = output;
        _log = log;
    }

    /// <summary>
    /// The next message: its JSON object, or an error text for a body that is not a JSON object. Null at the end of
    /// the input.
    /// </summary>
    public async ValueTask<(JsonObject? Message, string? Error)?> ReadAsync(CancellationToken cancellationToken)
    {
        byte[]? body = await _framer.ReadMessageAsync(cancellationToken).ConfigureAwait(false);
        if (body == null)
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(body) is JsonObject o ? (o, null) : (null, "the message is not a JSON object");
        }
        catch (JsonException e)
        {
            return (null, "the message is not JSON: " + e.Message);
        }
    }

    public void Respond(int requestSeq, string command, JsonNode? body = null) =>
        Send(new JsonObject
        {
            ["type"] = "response",
            ["request_seq"] = requestSeq,
            ["success"] = true,
            ["command"] = command,
            ["body"] = body,
        });

    /// <summary>An error response; <paramref name="message"/> is shown to the user (also as the body's error format).</summary>
    public void RespondError(int requestSeq, string command, string message) =>
        Send(new JsonObject
        {
            ["type"] = "response",
            ["request_seq"] = requestSeq,
            ["success"] = false,
            ["command"] = command,
            ["message"] = message,
            ["body"] = new JsonObject
            {
                ["error"] = new JsonObject { ["id"] = 1, ["format"] = message.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal), ["showUser"] = true },
            },
        });

    public void Event(string name, JsonNode? body = null) =>
        Send(new JsonObject { ["type"] = "event", ["event"] = name, ["body"] = body });

    private void Send(JsonObject message)
    {
        lock (_writeLock)
        {
            if (_broken)
            {
                return;
            }
            message["seq"] = ++_seq;
            byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString());
            byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
            try
            {
                _output.Write(header);
                _output.Write(body);
                _output.Flush();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException or InvalidOperationException)
            {
                // The client is gone: the session ends when the input ends; the debuggee must not die of it.
                _broken = true;
                _log?.Invoke("Writing a message failed: " + e.Message);
            }
        }
    }
}
