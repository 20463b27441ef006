using System;
using Wit.Core.Syntax;
using Wit.Core.Wit.Nodes;

namespace Wit.Core.Semantics;

/// <summary>
/// Documentation as wit-parser records it: every comment between the previous token and the item (not only
/// <c>///</c> ones), each stripped of its leading slashes (or of <c>/**</c> and <c>*/</c>) and of trailing
/// whitespace, the indentation common to all non-blank lines removed, joined with newlines. This keeps
/// <c>wit resolve</c>'s JSON equal to upstream's.
/// </summary>
internal static class Docs
{
    public static string? Of(WitNode node)
    {
        var (first, previous) = node.Syntax.FirstAndPreviousGreenTokens();
        return first is null ? null : FromTrivia(previous?.TrailingTrivia, first.LeadingTrivia);
    }

    /// <summary><see cref="Of(WitNode)"/> of a node's typed view (null for a kind without one).</summary>
    public static string? Of(SyntaxNode node) => WitNode.From(node) is { } view ? Of(view) : null;

    /// <summary>The docs <see cref="Of(WitNode)"/> reads, left to be read when asked for (null when there is no comment).</summary>
    public static DocsSource? SourceOf(WitNode node)
    {
        var (first, previous) = node.Syntax.FirstAndPreviousGreenTokens();
        return first is null ? null : DocsSource.Of(previous?.TrailingTrivia, first.LeadingTrivia);
    }

    /// <summary><see cref="SourceOf(WitNode)"/> of a node's typed view (null for a kind without one).</summary>
    public static DocsSource? SourceOf(SyntaxNode node) => WitNode.From(node) is { } view ? SourceOf(view) : null;

    /// <summary>
    /// The docs of a list item (a field) when the green tree tells them (the token before it is the list's own), left to
    /// be read when asked for; false when the item's red node must (<see cref="SourceOf(SyntaxNode)"/>).
    /// </summary>
    public static bool TrySourceOfInList(GreenListItem item, out DocsSource? docs)
    {
        var node = item.Item.Node;
        if (node.SlotCount > 0 && node.GetSlot(0) is GreenToken first && item.PreviousTokenInList() is { } previous)
        {
            docs = DocsSource.Of(previous.TrailingTrivia, first.LeadingTrivia);
            return true;
        }

        docs = null;
        return false;
    }

    /// <summary>
    /// The token before slot <paramref name="index"/> of <paramref name="list"/> when an earlier slot holds it (a token, or
    /// the last token of a node), as <c>SyntaxNode.FirstAndPreviousGreenTokens</c> finds it. False when no earlier slot
    /// holds a token: the token before lies outside the list, and the caller asks the red tree.
    /// </summary>
    public static bool PreviousTokenInList(GreenNode list, int index, out GreenToken? previous)
    {
        for (int i = index - 1; i >= 0; i--)
        {
            var slot = list.GetSlot(i);
            if (slot is GreenToken token)
            {
                previous = token;
                return true;
            }

            if (slot is GreenNode node && node.FirstToken() is not null)
            {
                previous = node.LastToken();
                return true;
            }
        }

        previous = null;
        return false;
    }

    /// <summary>The docs the comments in the previous token's trailing trivia and the first token's leading trivia make.</summary>
    /// <remarks>
    /// Read in passes over the two trivia arrays rather than into a list of lines: the indentation common to the
    /// non-blank lines, then the length of the result, then the result itself, written once from the comments' text
    /// (no string per line, no builder). The usual single <c>///</c> line costs one substring.
    /// </remarks>
    public static string? FromTrivia(GreenTrivia[]? previousTrailing, GreenTrivia[] leading)
    {
        int count = 0;
        int common = int.MaxValue;
        (string Text, int Start, int End) single = default;
        foreach (var (text, start, end) in new CommentLines(previousTrailing, leading))
        {
            if (count++ == 0) single = (text, start, end);
            if (end == start) continue;

            // wit-parser then removes the indentation all non-blank lines share.
            int indent = 0;
            while (start + indent < end && char.IsWhiteSpace(text[start + indent])) indent++;
            common = Math.Min(common, indent);
        }

        if (count == 0) return null;
        if (count == 1) return Dedent(single, common);
        int length = WriteLines(previousTrailing, leading, common, default, measure: true);
#if NET
        return string.Create(length, (previousTrailing, leading, common), static (chars, state) =>
            WriteLines(state.previousTrailing, state.leading, state.common, chars, measure: false));
#else
        var builder = new System.Text.StringBuilder(length);
        WriteLines(previousTrailing, leading, common, builder, measure: false);
        return builder.ToString();
#endif
    }

    /// <summary>
    /// Writes each comment of the two trivia arrays as a line of the docs, <paramref name="common"/> indentation
    /// removed, the lines joined with newlines; or, with <paramref name="measure"/>, only counts the characters.
    /// </summary>
#if NET
    private static int WriteLines(GreenTrivia[]? previousTrailing, GreenTrivia[] leading, int common, Span<char> destination, bool measure)
#else
    private static int WriteLines(GreenTrivia[]? previousTrailing, GreenTrivia[] leading, int common, System.Text.StringBuilder? destination, bool measure)
#endif
    {
        int written = 0;
        int lines = 0;
        foreach (var line in new CommentLines(previousTrailing, leading))
        {
            var (text, start, end) = DedentBounds(line, common);
            if (lines++ > 0)
            {
#if NET
                if (!measure) destination[written] = '\n';
#else
                if (!measure) destination!.Append('\n');
#endif
                written++;
            }

            if (!measure)
            {
#if NET
                text.AsSpan(start, end - start).CopyTo(destination.Slice(written));
#else
                destination!.Append(text, start, end - start);
#endif
            }

            written += end - start;
        }

        return written;
    }

    /// <summary>
    /// Where wit-parser's docs of <paramref name="node"/> lie: from the first comment before it to the last one's end
    /// without trailing whitespace; null when no comment precedes it.
    /// </summary>
    public static Text.TextSpan? SpanOf(WitNode node)
    {
        if (node.Syntax.FirstToken() is not { } first) return null;
        int start = -1, end = -1;
        void Add(SyntaxTrivia trivia)
        {
            if (!trivia.IsComment) return;
            if (start < 0) start = trivia.Span.Start;
            string text = trivia.Text;
            int length = text.Length;
            while (length > 0 && char.IsWhiteSpace(text[length - 1])) length--;
            end = trivia.Span.Start + length;
        }

        if (SyntaxNode.PreviousToken(first) is { } previous)
        {
            foreach (var trivia in previous.TrailingTrivia) Add(trivia);
        }

        foreach (var trivia in first.LeadingTrivia) Add(trivia);
        return start < 0 ? null : new Text.TextSpan(start, end - start);
    }

    /// <summary>
    /// A comment without its markers (<c>/**</c> and <c>*/</c>, or leading slashes) and trailing whitespace, as bounds
    /// into its text; a line that is only whitespace ends up empty.
    /// </summary>
    private static (string Text, int Start, int End) Contents(string comment)
    {
        int start;
        int end;
        if (comment.StartsWith("/**", System.StringComparison.Ordinal) && comment.EndsWith("*/", System.StringComparison.Ordinal) && comment.Length >= 5)
        {
            start = 3;
            end = comment.Length - 2;
        }
        else
        {
            start = 0;
            while (start < comment.Length && comment[start] == '/') start++;
            end = comment.Length;
        }

        while (end > start && char.IsWhiteSpace(comment[end - 1])) end--;
        return (comment, start, end);
    }

    /// <summary>
    /// The comments of a previous token's trailing trivia and a first token's leading trivia, in order, each as the
    /// bounds of its contents (<see cref="Contents"/>); a struct enumerator, so reading them twice allocates nothing.
    /// </summary>
    private struct CommentLines
    {
        private readonly GreenTrivia[]? _trailing;
        private readonly GreenTrivia[] _leading;
        private int _index;

        public CommentLines(GreenTrivia[]? trailing, GreenTrivia[] leading)
        {
            _trailing = trailing;
            _leading = leading;
            _index = -1;
            Current = default;
        }

        public (string Text, int Start, int End) Current { get; private set; }

        public readonly CommentLines GetEnumerator() => this;

        public bool MoveNext()
        {
            int trailing = _trailing?.Length ?? 0;
            while (++_index < trailing + _leading.Length)
            {
                var item = _index < trailing ? _trailing![_index] : _leading[_index - trailing];
                if (!SyntaxFacts.IsComment(item.Kind)) continue;
                Current = Contents(item.Text);
                return true;
            }

            return false;
        }
    }

    /// <summary>A line with <paramref name="common"/> leading characters removed (a shorter line loses its leading whitespace).</summary>
    private static string Dedent((string Text, int Start, int End) line, int common)
    {
        var (text, start, end) = DedentBounds(line, common);
        return start == 0 && end == text.Length ? text : text.Substring(start, end - start);
    }

    /// <summary>The bounds <see cref="Dedent"/> keeps of a line.</summary>
    private static (string Text, int Start, int End) DedentBounds((string Text, int Start, int End) line, int common)
    {
        var (text, start, end) = line;
        if (common is > 0 and < int.MaxValue)
        {
            if (end - start >= common) start += common;
            else while (start < end && char.IsWhiteSpace(text[start])) start++;
        }

        return (text, start, end);
    }
}
