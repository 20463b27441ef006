using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Wit.Protocol.Tests;

public sealed class PinnedReadStreamTests
{
    [Fact]
    public async Task Reads_everything_in_order_through_its_buffer_whatever_the_callers_sizes()
    {
        var data = new byte[3 * PinnedReadStream.BufferSize + 123];
        new Random(5).NextBytes(data);
        using var stream = new PinnedReadStream(new MemoryStream(data));
        var copy = new MemoryStream();
        var random = new Random(7);
        var chunk = new byte[2 * PinnedReadStream.BufferSize];
        while (true)
        {
            int want = random.Next(1, chunk.Length);
            int read = random.Next(2) == 0 ? await stream.ReadAsync(chunk.AsMemory(0, want)) : stream.Read(chunk, 0, want);
            Assert.InRange(read, 0, Math.Min(want, PinnedReadStream.BufferSize));
            if (read == 0) break;
            copy.Write(chunk, 0, read);
        }

        Assert.Equal(data, copy.ToArray());
        Assert.Equal(0, await stream.ReadAsync(Memory<byte>.Empty));
        Assert.False(stream.CanSeek);
        Assert.Throws<NotSupportedException>(() => stream.Write(chunk, 0, 1));
    }
}
