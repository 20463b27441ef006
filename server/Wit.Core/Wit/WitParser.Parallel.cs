using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Wit;

/// <summary>
/// A large interface or world body parsed on several cores. The body's members are cut at line starts into
/// segments, each parsed on its own by a parser over that text alone; the members they give are those a parse of the
/// whole text gives, because a member's tree depends only on its own text once the cut is where the member before it
/// ends. That is checked rather than assumed: a cut is taken only after a line whose last character is <c>;</c> or
/// <c>}</c> (so the token before it owns the line break as trailing trivia, as in a whole parse), and a segment
/// counts only when it parsed into complete members with no diagnostic and nothing left after its last member. A
/// cut in the wrong place (inside a resource body or a block comment) breaks one of these, and the body is parsed
/// from its start as usual. Incremental reparses take the same path when the item they reparse is that large.
/// </summary>
internal sealed partial class WitParser
{
    /// <summary>
    /// Bodies with fewer characters than this are parsed on one core. Measured natively in a fresh `wit check` on this
    /// project's 2-core machine (2026-12-07): a 3.9 MB body parsed in 48 ms instead of 84 when the second core was free,
    /// a 40 MB one in 0.45 s instead of 0.79; but over 9 interleaved runs the median gain was 88 -> 80 ms for 25% more
    /// CPU (the second core was often busy, and both threads fault in fresh pages under the kernel's locks); a 374 KB
    /// body gained nothing with the other core busy; a 36 KB body took longer (the pool's threads start cold).
    /// </summary>
    private const int ParallelBodyCharacters = 1024 * 1024;

    /// <summary>
    /// The fewest cores for the parallel path. With two, the second is too often busy (see above) for the CPU it costs;
    /// from four one is nearly always free. That threshold is a judgement from the 2-core measurements: no machine with
    /// more cores was at hand to measure it.
    /// </summary>
    private const int MinimumCores = 4;

    /// <summary>At most this many segments (and cores) for one body.</summary>
    private const int MaxSegments = 8;

    /// <summary>The segment size a test sets to force the parallel path on small bodies (this thread's parses only).</summary>
    [System.ThreadStatic]
    private static int t_forcedSegmentCharacters;

    /// <summary>How many bodies this thread's parses took in segments (for tests: that the path is taken, not only correct).</summary>
    [System.ThreadStatic]
    private static int t_segmentedBodies;

    /// <summary>How many bodies this thread's parses took in segments so far.</summary>
    internal static int SegmentedBodies => t_segmentedBodies;

    /// <summary>False in a segment's own parser: a segment is never cut again.</summary>
    private bool _mayCut = true;

    /// <summary>
    /// For tests: until disposed, this thread's parses cut any interface or world body into segments of about
    /// <paramref name="characters"/> characters, however small the body and however many cores.
    /// </summary>
    internal static System.IDisposable ForceSegments(int characters)
    {
        int previous = t_forcedSegmentCharacters;
        t_forcedSegmentCharacters = characters;
        return new Restore(previous);
    }

    private sealed class Restore : System.IDisposable
    {
        private readonly int _previous;

        public Restore(int previous) => _previous = previous;

        public void Dispose() => t_forcedSegmentCharacters = _previous;
    }

    /// <summary>
    /// Right after a body's <c>{</c>: parses its members in segments on several cores and adds them to
    /// <paramref name="slots"/>, leaving the parser at the last cut, where the rest of the body (its last members and
    /// the <c>}</c>) is parsed as usual. False, with nothing added and the parser where it was, when the body is small,
    /// the machine has fewer than <see cref="MinimumCores"/> cores, an error was just reported, or a segment did not
    /// parse cleanly.
    /// </summary>
    private bool TryParseMembersInSegments(BodyKind body, SlotList slots)
    {
        if (!_mayCut || body == BodyKind.Resource || _index - _lastErrorIndex <= 2) return false;
        int forced = t_forcedSegmentCharacters;
        int start = CurrentFullStart;
        int remaining = _text.Length - start;
        if (forced == 0 && (remaining < ParallelBodyCharacters || System.Environment.ProcessorCount < MinimumCores)) return false;
        int end = LikelyBodyEnd(_text, start);
        if (end < 0) return false;
        int length = end - start;
        int segments = forced > 0
            ? System.Math.Min(System.Math.Max(1, length / forced), 64)
            : System.Math.Min(System.Math.Min(System.Environment.ProcessorCount, MaxSegments), length / (ParallelBodyCharacters / 2));
        if (segments < 2 && forced == 0) return false;

        // Cut points near equal shares of the body, then one after its last complete line: the usual parse takes
        // over there, for what little is left (the closing brace, a last member the rule could not cut before).
        var cuts = new List<int> { start };
        for (int i = 1; i < segments; i++)
        {
            int cut = NextCut(_text, start + (int)((long)length * i / segments), end);
            if (cut > cuts[cuts.Count - 1] && cut < end) cuts.Add(cut);
        }

        int last = LastCut(_text, cuts[cuts.Count - 1], end);
        if (last > cuts[cuts.Count - 1]) cuts.Add(last);
        if (cuts.Count < 2) return false;
        var parsed = new List<GreenNode>?[cuts.Count - 1];
        string text = _text;
        if (parsed.Length == 1)
        {
            parsed[0] = ParseSegment(text, cuts[0], cuts[1], body);
        }
        else
        {
            System.Threading.Tasks.Parallel.For(0, parsed.Length, i => parsed[i] = ParseSegment(text, cuts[i], cuts[i + 1], body));
        }

        foreach (var members in parsed)
        {
            if (members is null) return false;
        }

        foreach (var members in parsed)
        {
            foreach (var member in members!) slots.Add(member);
        }

        // Continue at the last cut: the tokens lexed ahead from the body's start are dropped.
        _lexed = _index;
        _lexer.Seek(cuts[cuts.Count - 1]);
        t_segmentedBodies++;
        return true;
    }

    /// <summary>
    /// A segment's members, parsed by a parser that reads <c>text[start..end)</c> alone (its end of file at
    /// <paramref name="end"/>; no copy of the text); null unless the segment parsed into complete members with no
    /// diagnostic and no text after the last one.
    /// </summary>
    private static List<GreenNode>? ParseSegment(string text, int start, int end, BodyKind body)
    {
        // A thread of the pool takes a cache of its own; the parsing thread keeps its lease.
        using (GreenCache.Lease())
        {
            var parser = new WitParser(text, start, end) { _mayCut = false };
            var members = new List<GreenNode>();
            while (parser.CurrentKind != SyntaxKind.EndOfFileToken)
            {
                if (!IsMemberStart(parser.CurrentKind, body)) return null;
                var member = parser.ParseMember(body);
                if (member.ContainsDiagnostics || parser._pending.Count > 0) return null;
                members.Add(member);
            }

            var last = parser.Current;
            return last.FullWidth == 0 && !last.ContainsDiagnostics ? members : null;
        }
    }

    /// <summary>
    /// The first line start at or after <paramref name="from"/> (and before <paramref name="end"/>) whose previous line
    /// ends with <c>;</c> or <c>}</c> (trailing spaces and tabs allowed); <paramref name="end"/> when there is none.
    /// </summary>
    private static int NextCut(string text, int from, int end)
    {
        int lineFeed = text.IndexOf('\n', from);
        while (lineFeed >= 0 && lineFeed + 1 < end)
        {
            if (EndsWithMemberEnd(text, lineFeed)) return lineFeed + 1;
            lineFeed = text.IndexOf('\n', lineFeed + 1);
        }

        return end;
    }

    /// <summary>Whether the line ending at <paramref name="lineFeed"/> ends with <c>;</c> or <c>}</c> (then spaces, tabs, a carriage return).</summary>
    private static bool EndsWithMemberEnd(string text, int lineFeed)
    {
        int last = lineFeed - 1;
        if (last >= 0 && text[last] == '\r') last--;
        while (last >= 0 && (text[last] == ' ' || text[last] == '\t')) last--;
        return last >= 0 && (text[last] == ';' || text[last] == '}');
    }

    /// <summary>The last cut (as <see cref="NextCut"/> finds them) after <paramref name="from"/> and before <paramref name="end"/>; <paramref name="from"/> when there is none.</summary>
    private static int LastCut(string text, int from, int end)
    {
        int lineFeed = end - 1 >= from ? text.LastIndexOf('\n', end - 1, end - from) : -1;
        while (lineFeed >= from)
        {
            if (EndsWithMemberEnd(text, lineFeed)) return lineFeed + 1;
            lineFeed = lineFeed - 1 >= from ? text.LastIndexOf('\n', lineFeed - 1, lineFeed - from) : -1;
        }

        return from;
    }

    /// <summary>
    /// Where the body that starts at <paramref name="start"/> most likely ends: at the first <c>}</c> that starts a
    /// line, where a formatted file closes its top-level items (a vectorised search, where counting braces outside
    /// comments and strings would read every character). Only the cuts depend on it: when it is wrong, a segment holds
    /// the real closing brace (and fails, so the body parses in one piece) or the usual parse goes on past it to the
    /// real one. -1 when no line starts with <c>}</c>.
    /// </summary>
    internal static int LikelyBodyEnd(string text, int start)
    {
        int lineFeed = text.IndexOf("\n}", start, System.StringComparison.Ordinal);
        return lineFeed < 0 ? -1 : lineFeed + 1;
    }
}
