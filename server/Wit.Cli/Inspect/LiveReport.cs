using System.Collections.Generic;
using Wit.Runtime.Component;

namespace Wit.Cli.Inspect;

/// <summary>What <c>wit inspect --live</c> reports: the calls it made and the running instance's facts after them.</summary>
public sealed record LiveReport(string File, IReadOnlyList<LiveCallReport> Calls, LiveInstanceFacts Instance);

/// <summary>One <c>--invoke</c>: the call as written and its result (or the trap that ended it).</summary>
public sealed record LiveCallReport(string Call, string? Result, string? Trap);
