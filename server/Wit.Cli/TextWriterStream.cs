using System;
using System.IO;
using System.Text;

namespace Wit.Cli;

/// <summary>A write-only stream that decodes UTF-8 (across writes) onto a text writer, flushing it after each write.</summary>
internal sealed class TextWriterStream : Stream
{
    private readonly TextWriter _writer;
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();

    public TextWriterStream(TextWriter writer) => _writer = writer;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Span<char> chars = stackalloc char[512];
        while (!buffer.IsEmpty)
        {
            var chunk = buffer[..Math.Min(buffer.Length, 256)];
            int n = _decoder.GetChars(chunk, chars, flush: false);
            _writer.Write(chars[..n]);
            buffer = buffer[chunk.Length..];
        }

        // A program's write reaches the console now, as its own write call would (the command's writer may buffer).
        _writer.Flush();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    public override void Flush() => _writer.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
