using Xunit;

namespace Wit.LanguageServer.Tests.Protocol;

/// <summary>
/// <see cref="MemoryTrimmer.BurstDetector"/>: the server trims once it goes idle after a burst of work, and only then
/// (the bytes allocated so far are read once a second; the counts here stand for those reads).
/// </summary>
public sealed class MemoryTrimmerTests
{
    private const long Mb = 1024 * 1024;

    [Fact]
    public void Going_idle_after_a_burst_trims_once()
    {
        var bursts = new MemoryTrimmer.BurstDetector(10 * Mb);
        Assert.False(bursts.IdleAfterBurst(13 * Mb));   // busy: 3 MB in the last second
        Assert.False(bursts.IdleAfterBurst(16 * Mb));   // still busy
        Assert.False(bursts.IdleAfterBurst(16 * Mb));   // quiet once: maybe a pause between two requests
        Assert.True(bursts.IdleAfterBurst(16 * Mb));    // quiet twice in a row after 6 MB: idle
        bursts.Trimmed(16 * Mb);
        Assert.False(bursts.IdleAfterBurst(16 * Mb));   // still idle: nothing new to give back
        Assert.False(bursts.IdleAfterBurst(16 * Mb + 100_000));
    }

    [Fact]
    public void Idle_without_a_burst_does_not_trim()
    {
        var bursts = new MemoryTrimmer.BurstDetector(0);
        long allocated = 0;
        for (int second = 0; second < 30; second++)
        {
            allocated += 100_000;   // a quiet server's trickle: 3 MB over half a minute, never a burst
            Assert.False(bursts.IdleAfterBurst(allocated));
        }

        Assert.False(bursts.IdleAfterBurst(allocated + 2 * Mb));   // then a burst of 2 MB
        Assert.False(bursts.IdleAfterBurst(allocated + 2 * Mb));   // quiet once
        Assert.True(bursts.IdleAfterBurst(allocated + 2 * Mb));    // quiet twice, 5 MB since the start: trims
    }
}
