using System;
using System.Collections.Generic;
using System.Globalization;
using Wit.Runtime.Execution;

namespace Wit.DebugAdapter.Session;

/// <summary>
/// A breakpoint of any kind (source line, function, instruction) as the debuggee sees it: the offsets it stops at, an
/// optional condition and hit condition, and its hit count (counted when the condition holds).
/// </summary>
internal sealed class Breakpoint
{
    public required int Id { get; init; }
    public required List<int> Offsets { get; init; }
    public Expression? Condition { get; init; }
    public HitCondition? HitCondition { get; init; }
    public int Hits { get; set; }
}

/// <summary>A function breakpoint by WIT name, with its hit condition and count (counted on the program's thread).</summary>
internal sealed class WitBreakpoint(int id, string name, HitCondition? hitCondition)
{
    public int Id { get; } = id;

    public string Name { get; } = name;

    private long _hits;

    /// <summary>Counts a call through the boundary; whether this one stops.</summary>
    public bool Hit() => hitCondition?.Holds(++_hits) ?? true;
}

/// <summary>
/// A hit condition: <c>N</c> or <c>==N</c> stops at the Nth hit only, <c>&gt;=N</c>, <c>&gt;N</c>, <c>&lt;N</c>,
/// <c>&lt;=N</c> compare the hit count, <c>%N</c> stops at every Nth hit.
/// </summary>
internal sealed record HitCondition(string Op, long N)
{
    public static HitCondition Parse(string text)
    {
        string t = text.Trim();
        string op = "==";
        foreach (var candidate in new[] { "==", ">=", "<=", ">", "<", "%" })
        {
            if (t.StartsWith(candidate, StringComparison.Ordinal))
            {
                op = candidate;
                t = t[candidate.Length..].Trim();
                break;
            }
        }
        if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out long n) || (op == "%" && n == 0))
        {
            throw new FormatException($"a hit condition is a count, optionally after ==, >=, >, <, <= or %: '{text}'");
        }
        return new HitCondition(op, n);
    }

    public bool Holds(long hits) => Op switch
    {
        "==" => hits == N,
        ">=" => hits >= N,
        "<=" => hits <= N,
        ">" => hits > N,
        "<" => hits < N,
        _ => hits % N == 0,
    };
}

/// <summary>
/// Every breakpoint, in groups that each <c>set*Breakpoints</c> request replaces whole (one group per source, one for
/// functions, one for instructions). Read by the debuggee's thread at pauses and written by the request thread, under a
/// lock; <see cref="Sync"/> brings a <see cref="DebugHooks"/>' offsets in line, on the thread that owns the hooks.
/// </summary>
internal sealed class BreakpointTable
{
    private readonly object _lock = new();
    private readonly Dictionary<string, List<Breakpoint>> _groups = new(StringComparer.Ordinal);
    private int _nextId;

    public int NextId() => System.Threading.Interlocked.Increment(ref _nextId);

    public void Replace(string group, List<Breakpoint> breakpoints)
    {
        lock (_lock)
        {
            _groups[group] = breakpoints;
        }
    }

    /// <summary>Makes the hooks' breakpoint offsets those of the table. Call only where the hooks' owner is not running.</summary>
    public void Sync(DebugHooks hooks)
    {
        var wanted = new HashSet<int>();
        lock (_lock)
        {
            foreach (var group in _groups.Values)
            {
                foreach (var b in group)
                {
                    wanted.UnionWith(b.Offsets);
                }
            }
        }
        foreach (var offset in new List<int>(hooks.Breakpoints))
        {
            if (!wanted.Contains(offset))
            {
                hooks.RemoveBreakpoint(offset);
            }
        }
        foreach (var offset in wanted)
        {
            hooks.AddBreakpoint(offset);
        }
    }

    /// <summary>
    /// The breakpoints at <paramref name="offset"/> that stop now: their condition holds (a condition that fails to
    /// evaluate stops, so the user sees why) and then, counted, their hit condition.
    /// </summary>
    public List<int> Hit(int offset, IValueScope scope)
    {
        var hits = new List<int>();
        lock (_lock)
        {
            foreach (var group in _groups.Values)
            {
                foreach (var b in group)
                {
                    if (!b.Offsets.Contains(offset))
                    {
                        continue;
                    }
                    bool condition;
                    try
                    {
                        condition = b.Condition?.IsTrue(scope) ?? true;
                    }
                    catch (FormatException)
                    {
                        condition = true;
                    }
                    if (!condition)
                    {
                        continue;
                    }
                    b.Hits++;
                    if (b.HitCondition?.Holds(b.Hits) ?? true)
                    {
                        hits.Add(b.Id);
                    }
                }
            }
        }
        return hits;
    }
}
