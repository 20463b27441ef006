using System;
using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Wit.Protocol;

/// <summary>
/// Reads <c>Content-Length</c> framed message bodies from a pipe. Malformed header lines are logged and skipped rather
/// than ending the connection: the reader resynchronises on the next <c>Content-Length</c> header it finds, even in
/// the middle of a garbage line (a body whose header was lost has no line break before the next header). LSP and DAP
/// frame their messages alike, so the debug adapter reads with this class too.
/// </summary>
public sealed class MessageFramer
{
    private const string ContentLengthHeader = "Content-Length";

    // A header line longer than this without a line break is garbage; keeping it all would let a peer that never
    // sends '\n' grow the buffer without bound.
    private const int MaxHeaderLineLength = 8192;

    private readonly PipeReader reader;
    private readonly Action<string>? log;
    private readonly int maxMessageLength;
    private readonly Action<int>? oversized;

    public MessageFramer(PipeReader reader, Action<string>? log, int maxMessageLength, Action<int>? oversized = null)
    {
        this.oversized = oversized;
        this.reader = reader;
        this.log = log;
        this.maxMessageLength = maxMessageLength;
    }

    /// <summary>Reads the next message body, or returns null at the end of the stream.</summary>
    public async ValueTask<byte[]?> ReadMessageAsync(CancellationToken cancellationToken)
    {
        int? contentLength = null;
        bool headersComplete = false;
        bool sawHeaderLine = false;
        long bytesToSkip = 0;
        while (true)
        {
            ReadResult result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (result.IsCanceled)
            {
                throw new OperationCanceledException(cancellationToken);
            }

            ReadOnlySequence<byte> buffer = result.Buffer;
            while (true)
            {
                if (bytesToSkip > 0)
                {
                    long skipped = Math.Min(bytesToSkip, buffer.Length);
                    buffer = buffer.Slice(skipped);
                    bytesToSkip -= skipped;
                    if (bytesToSkip > 0)
                    {
                        break;
                    }
                }

                if (headersComplete && contentLength is int length)
                {
                    if (buffer.Length < length)
                    {
                        break;
                    }

                    byte[] body = buffer.Slice(0, length).ToArray();
                    reader.AdvanceTo(buffer.GetPosition(length));
                    return body;
                }

                SequencePosition? lineEnd = buffer.PositionOf((byte)'\n');
                if (lineEnd is null)
                {
                    if (buffer.Length > MaxHeaderLineLength)
                    {
                        buffer = DiscardLongLine(buffer);
                        contentLength = null;
                        sawHeaderLine = false;
                        continue;
                    }

                    break;
                }

                string line = Encoding.Latin1.GetString(buffer.Slice(0, lineEnd.Value));
                buffer = buffer.Slice(buffer.GetPosition(1, lineEnd.Value));
                if (line.EndsWith('\r'))
                {
                    line = line[..^1];
                }

                if (line.Length == 0)
                {
                    if (contentLength > maxMessageLength)
                    {
                        // Skipped as it streams in, so an oversized body is never buffered whole.
                        Log($"Skipped a message of {contentLength} bytes, above the limit of {maxMessageLength}.");
                        oversized?.Invoke(contentLength.Value);
                        bytesToSkip = contentLength.Value;
                        contentLength = null;
                        sawHeaderLine = false;
                    }
                    else if (contentLength is not null)
                    {
                        headersComplete = true;
                    }
                    else if (sawHeaderLine)
                    {
                        Log("Skipped a header block without a valid Content-Length.");
                        sawHeaderLine = false;
                    }

                    // A blank line before any header (a peer ending bodies with a line break) is harmless.
                    continue;
                }

                sawHeaderLine = true;
                if (!TryParseHeader(line, out string name, out string value))
                {
                    Log($"Skipped a malformed header line: '{Truncate(line)}'.");
                    contentLength = null;
                    int resync = line.IndexOf(ContentLengthHeader + ":", StringComparison.OrdinalIgnoreCase);
                    if (resync <= 0 || !TryParseHeader(line[resync..], out name, out value))
                    {
                        continue;
                    }
                }

                if (name.Equals(ContentLengthHeader, StringComparison.OrdinalIgnoreCase))
                {
                    if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int parsed))
                    {
                        contentLength = parsed;
                    }
                    else
                    {
                        Log($"Skipped an invalid Content-Length header: '{Truncate(line)}'.");
                        contentLength = null;
                    }
                }

                // Other headers (Content-Type in practice) carry nothing this reader needs: bodies are always UTF-8.
            }

            if (result.IsCompleted)
            {
                if (!buffer.IsEmpty || contentLength is not null)
                {
                    Log("The stream ended in the middle of a message.");
                }

                reader.AdvanceTo(buffer.End);
                return null;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private ReadOnlySequence<byte> DiscardLongLine(ReadOnlySequence<byte> buffer)
    {
        string text = Encoding.Latin1.GetString(buffer);
        int resync = text.IndexOf(ContentLengthHeader + ":", 1, StringComparison.OrdinalIgnoreCase);
        Log($"Skipped {(resync > 0 ? resync : buffer.Length)} bytes of data without a line break.");
        if (resync > 0)
        {
            return buffer.Slice(resync);
        }

        // Keep a tail shorter than the header name, which may be the start of a header split across reads.
        return buffer.Slice(buffer.Length - (ContentLengthHeader.Length - 1));
    }

    private static bool TryParseHeader(string line, out string name, out string value)
    {
        int colon = line.IndexOf(':');
        name = string.Empty;
        value = string.Empty;
        if (colon <= 0)
        {
            return false;
        }

        for (int i = 0; i < colon; i++)
        {
            char c = line[i];
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        name = line[..colon];
        value = line[(colon + 1)..];
        return true;
    }

    private static string Truncate(string line) => line.Length <= 80 ? line : line[..80] + "...";

    private void Log(string message) => log?.Invoke(message);
}
