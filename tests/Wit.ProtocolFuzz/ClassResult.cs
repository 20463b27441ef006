using System;

namespace Wit.ProtocolFuzz;

/// <summary>The outcome of one class of abuse.</summary>
/// <param name="Start">The server's memory after the opening hover, before the first class.</param>
/// <param name="After">Its memory after this class, once it settled.</param>
public sealed record ClassResult(string Name, int Sent, int Requests, int Answered, int Missing, bool StillAnswersHover, ResidentMemory Start, ResidentMemory After, TimeSpan Elapsed)
{
    /// <summary>Every request answered and the server still answering a hover (memory is reported, not judged).</summary>
    public bool Holds => Missing == 0 && StillAnswersHover;

    /// <summary>How long after the class (and the hover behind it) the resident set was read: the time it took to come back within 20%, or the settle limit.</summary>
    public TimeSpan Settled { get; init; }

    /// <summary>Whether the resident set is back within 20% of where it started (the issue's bound; reported).</summary>
    public bool WithinMemoryBound => ResidentMemory.Within20Percent(Start.Total, After.Total);

    public override string ToString() =>
        $"{Name,-45} sent {Sent,6}, requests {Requests,6}, answered {Answered,6}, missing {Missing}, hover after: {(StillAnswersHover ? "yes" : "NO")}, " +
        $"resident {ProtocolFuzzer.Mb(After.Total)} vs {ProtocolFuzzer.Mb(Start.Total)} ({Percent(Start.Total, After.Total)}, {(WithinMemoryBound ? "within 20%" : "NOT within 20%")}): " +
        $"anonymous {ProtocolFuzzer.Mb(After.Anonymous)} vs {ProtocolFuzzer.Mb(Start.Anonymous)} ({Percent(Start.Anonymous, After.Anonymous)}), " +
        $"file-backed {ProtocolFuzzer.Mb(After.File)} vs {ProtocolFuzzer.Mb(Start.File)} ({Percent(Start.File, After.File)}), " +
        $"threads {After.Threads} vs {Start.Threads}, read {Settled.TotalSeconds:0.00} s after, {Elapsed.TotalSeconds:0.0} s";

    private static string Percent(long start, long after) => $"{(start == 0 ? 0 : 100.0 * (after - start) / start):+0;-0}%";
}
