using System;

namespace Wit.ProtocolFuzz;

/// <summary>The outcome of one class of abuse.</summary>
public sealed record ClassResult(string Name, int Sent, int Requests, int Answered, int Missing, bool StillAnswersHover, long ResidentAtStart, long ResidentAfter, TimeSpan Elapsed)
{
    /// <summary>Every request answered and the server still answering a hover (memory is reported, not judged).</summary>
    public bool Holds => Missing == 0 && StillAnswersHover;

    public override string ToString() =>
        $"{Name,-45} sent {Sent,6}, requests {Requests,6}, answered {Answered,6}, missing {Missing}, hover after: {(StillAnswersHover ? "yes" : "NO")}, " +
        $"resident {ProtocolFuzzer.Mb(ResidentAfter)} vs {ProtocolFuzzer.Mb(ResidentAtStart)} at start ({(ResidentAtStart == 0 ? 0 : 100.0 * (ResidentAfter - ResidentAtStart) / ResidentAtStart):+0;-0}%), {Elapsed.TotalSeconds:0.0} s";
}
