using System;

namespace Wit.ProtocolFuzz;

/// <summary>The outcome of one class of abuse.</summary>
/// <param name="AnonymousAtStart">
/// The anonymous part of the resident set (heap, stacks; /proc's RssAnon), without the pages of the executable and
/// mapped files, which grow as more of the server's code runs and which the system can drop.
/// </param>
public sealed record ClassResult(string Name, int Sent, int Requests, int Answered, int Missing, bool StillAnswersHover, long ResidentAtStart, long ResidentAfter, TimeSpan Elapsed,
    long AnonymousAtStart = 0, long AnonymousAfter = 0)
{
    /// <summary>Every request answered and the server still answering a hover (memory is reported, not judged).</summary>
    public bool Holds => Missing == 0 && StillAnswersHover;

    public override string ToString() =>
        $"{Name,-45} sent {Sent,6}, requests {Requests,6}, answered {Answered,6}, missing {Missing}, hover after: {(StillAnswersHover ? "yes" : "NO")}, " +
        $"resident {ProtocolFuzzer.Mb(ResidentAfter)} vs {ProtocolFuzzer.Mb(ResidentAtStart)} at start ({Percent(ResidentAtStart, ResidentAfter)}), " +
        $"anonymous {ProtocolFuzzer.Mb(AnonymousAfter)} vs {ProtocolFuzzer.Mb(AnonymousAtStart)} ({Percent(AnonymousAtStart, AnonymousAfter)}), {Elapsed.TotalSeconds:0.0} s";

    private static string Percent(long start, long after) => $"{(start == 0 ? 0 : 100.0 * (after - start) / start):+0;-0}%";
}
