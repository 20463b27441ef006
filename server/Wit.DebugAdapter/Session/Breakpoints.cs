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
    public BreakpointCondition? Condition { get; init; }
    public HitCondition? HitCondition { get; init; }
    public int Hits { get; set; }
}

/// <summary>
/// A function breakpoint by WIT name, with its condition over the lifted arguments, its hit condition and count
/// (evaluated and counted on the program's thread, at the boundary).
/// </summary>
internal sealed class WitBreakpoint(int id, string name, BreakpointCondition? condition, HitCondition? hitCondition)
{
    public int Id { get; } = id;

    public string Name { get; } = name;

    private long _hits;

    /// <summary>
    /// Whether this call through the boundary stops: its condition holds (or fails to evaluate: <paramref name="failures"/>
    /// gets why) and then, counted, its hit condition.
    /// </summary>
    public bool Hit(IValueScope scope, List<ConditionFailure> failures) =>
        (condition?.Holds(Id, scope, failures) ?? true) && (hitCondition?.Holds(++_hits) ?? true);
}

/// <summary>A breakpoint's condition that failed to evaluate at a stop; <c>First</c> for its first failure.</summary>
internal sealed record ConditionFailure(int Id, string Condition, string Error, bool First);

/// <summary>
/// A breakpoint's condition. One that fails to evaluate (a name not in scope, values that do not compare) holds, as gdb
/// and LLDB stop there: the stop's description says why, and the first failure is also reported as output, so a
/// wrong condition never goes unnoticed nor silently keeps the breakpoint from stopping.
/// </summary>
internal sealed class BreakpointCondition(Expression expression, string text)
{
    private int _failed;

    public string Text { get; } = text;

    public bool Holds(int id, IValueScope scope, List<ConditionFailure> failures)
    {
        try
        {
            return expression.IsTrue(scope);
        }
        catch (FormatException e)
        {
            failures.Add(new ConditionFailure(id, Text, e.Message, System.Threading.Interlocked.Exchange(ref _failed, 1) == 0));
            return true;
        }
    }
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
    /// evaluate stops, and <paramref name="failures"/> gets why) and then, counted, their hit condition.
    /// </summary>
    public List<int> Hit(int offset, IValueScope scope, List<ConditionFailure> failures)
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
                    if (!(b.Condition?.Holds(b.Id, scope, failures) ?? true))
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
