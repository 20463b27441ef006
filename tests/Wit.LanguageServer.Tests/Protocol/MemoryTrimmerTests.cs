using Xunit;

namespace Wit.LanguageServer.Tests.Protocol;

/// <summary>
/// <see cref="MemoryTrimmer.BurstDetector"/>: the server trims once it goes idle after a burst of work, and only then
/// (the bytes allocated so far are read once a second; the counts here stand for those reads).
/// </summary>
public sealed class MemoryTrimmerTests
{
    private const long Mb = 1024 * 1024;

    /// <summary>The resident memory where it does not change.</summary>
    private const long Heap = 20 * Mb;

    [Fact]
    public void Going_idle_after_a_burst_trims_once()
    {
        var bursts = new MemoryTrimmer.BurstDetector(10 * Mb, Heap);
        Assert.False(bursts.IdleAfterBurst(13 * Mb, Heap));   // busy: 3 MB in the last second
        Assert.False(bursts.IdleAfterBurst(16 * Mb, Heap));   // still busy
        Assert.False(bursts.IdleAfterBurst(16 * Mb, Heap));   // quiet once: maybe a pause between two requests
        Assert.True(bursts.IdleAfterBurst(16 * Mb, Heap));    // quiet twice in a row after 6 MB: idle
        bursts.Trimmed(16 * Mb, Heap);
        Assert.False(bursts.IdleAfterBurst(16 * Mb, Heap));   // still idle: nothing new to give back
        Assert.False(bursts.IdleAfterBurst(16 * Mb + 100_000, Heap));
    }

    [Fact]
    public void Idle_without_a_burst_does_not_trim()
    {
        var bursts = new MemoryTrimmer.BurstDetector(0, Heap);
        long allocated = 0;
        for (int second = 0; second < 30; second++)
        {
            allocated += 100_000;   // a quiet server's trickle: 3 MB over half a minute, never a burst
            Assert.False(bursts.IdleAfterBurst(allocated, Heap));
        }

        Assert.False(bursts.IdleAfterBurst(allocated + 2 * Mb, Heap));   // then a burst of 2 MB
        Assert.False(bursts.IdleAfterBurst(allocated + 2 * Mb, Heap));   // quiet once
        Assert.True(bursts.IdleAfterBurst(allocated + 2 * Mb, Heap));    // quiet twice, 5 MB since the start: trims
    }

    [Fact]
    public void A_short_burst_that_grew_the_heap_trims_once_idle()
    {
        // A hundred small edits: under a megabyte allocated, but the process 4 MB larger (the protocol fuzzer's
        // edits-beyond-the-document class left the server 66% above where it started).
        var bursts = new MemoryTrimmer.BurstDetector(0, 6 * Mb);
        Assert.False(bursts.IdleAfterBurst(800_000, 10 * Mb));   // busy
        Assert.False(bursts.IdleAfterBurst(800_000, 10 * Mb));   // quiet once
        Assert.True(bursts.IdleAfterBurst(800_000, 10 * Mb));    // quiet twice: trims
        bursts.Trimmed(800_000, 6 * Mb);
        Assert.False(bursts.IdleAfterBurst(800_000, 6 * Mb));
        Assert.False(bursts.IdleAfterBurst(800_000, 6 * Mb));
    }

    [Fact]
    public void A_process_that_grew_less_than_a_tenth_is_left_alone()
    {
        var bursts = new MemoryTrimmer.BurstDetector(0, 50 * Mb);
        Assert.False(bursts.IdleAfterBurst(600_000, 54 * Mb));   // a short burst
        for (int check = 0; check < 10; check++)
        {
            Assert.False(bursts.IdleAfterBurst(600_000, 54 * Mb));   // quiet, 4 MB more: under a tenth of 50 MB
        }

        Assert.True(bursts.IdleAfterBurst(600_000, 56 * Mb));   // quiet, and the process grew 12%: trims
    }
}
