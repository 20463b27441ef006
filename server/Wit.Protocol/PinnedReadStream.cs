using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Wit.Protocol;

/// <summary>
/// Reads another stream through one buffer on the pinned object heap and copies what arrives to the caller's buffer.
/// A connection always has a read waiting on its input, and the system pins the buffer of a read in progress: an
/// ordinary array pinned there keeps the garbage collector from compacting or freeing the heap region it sits in, so
/// an idle server held megabytes of otherwise free heap after a burst of work (the memory trim found gen0 fragmented by
/// as much). The pinned object heap is never compacted anyway, and the copy costs little next to the parse.
/// </summary>
internal sealed class PinnedReadStream : Stream
{
    /// <summary>The size of the buffer (and the most one read returns): the pipe reads 4 KB segments.</summary>
    public const int BufferSize = 4 * 1024;

    private readonly Stream inner;
    private readonly byte[] buffer = GC.AllocateUninitializedArray<byte>(BufferSize, pinned: true);

    public PinnedReadStream(Stream inner) => this.inner = inner ?? throw new ArgumentNullException(nameof(inner));

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (destination.IsEmpty) return 0;
        int read = await inner.ReadAsync(buffer.AsMemory(0, Math.Min(destination.Length, buffer.Length)), cancellationToken).ConfigureAwait(false);
        buffer.AsSpan(0, read).CopyTo(destination.Span);
        return read;
    }

    public override Task<int> ReadAsync(byte[] destination, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(destination.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(Span<byte> destination)
    {
        if (destination.IsEmpty) return 0;
        int read = inner.Read(buffer.AsSpan(0, Math.Min(destination.Length, buffer.Length)));
        buffer.AsSpan(0, read).CopyTo(destination);
        return read;
    }

    public override int Read(byte[] destination, int offset, int count) => Read(destination.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] source, int offset, int count) => throw new NotSupportedException();
}
