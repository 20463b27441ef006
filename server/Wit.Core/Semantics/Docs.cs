using System.Collections.Generic;
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

    /// <summary>
    /// <see cref="Of(WitNode)"/> of a list item (a field, a parameter) read from the green tree when the token before it
    /// is the list's own; otherwise from its red node.
    /// </summary>
    public static string? Of(GreenListItem item) => TryOfInList(item, out var docs) ? docs : Of(item.ToRed());

    /// <summary>
    /// The docs of a list item when the green tree tells them (the token before it is the list's own); false when the
    /// item's red node must (<see cref="Of(SyntaxNode)"/>).
    /// </summary>
    public static bool TryOfInList(GreenListItem item, out string? docs)
    {
        var node = item.Item.Node;
        if (node.SlotCount > 0 && node.GetSlot(0) is GreenToken first && item.PreviousTokenInList() is { } previous)
        {
            docs = FromTrivia(previous.TrailingTrivia, first.LeadingTrivia);
            return true;
        }

        docs = null;
        return false;
    }

    /// <summary><see cref="Of(WitNode)"/> of a node's typed view (null for a kind without one).</summary>
    public static string? Of(SyntaxNode node) => WitNode.From(node) is { } view ? Of(view) : null;

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
    public static string? FromTrivia(GreenTrivia[]? previousTrailing, GreenTrivia[] leading)
    {
        // Each comment's contents are kept as bounds into its text, so the usual single `///` line costs one
        // substring, not a list and three intermediate strings.
        List<(string Text, int Start, int End)>? lines = null;
        (string Text, int Start, int End) single = default;
        int count = 0;
        void Add(string comment)
        {
            var line = Contents(comment);
            if (count++ == 0) single = line;
            else (lines ??= new List<(string, int, int)> { single }).Add(line);
        }

        if (previousTrailing is not null)
        {
            foreach (var trivia in previousTrailing)
            {
                if (SyntaxFacts.IsComment(trivia.Kind)) Add(trivia.Text);
            }
        }

        foreach (var trivia in leading)
        {
            if (SyntaxFacts.IsComment(trivia.Kind)) Add(trivia.Text);
        }

        if (count == 0) return null;

        // wit-parser then removes the indentation all non-blank lines share.
        int common = int.MaxValue;
        for (int i = 0; i < count; i++)
        {
            var (text, lineStart, lineEnd) = lines is null ? single : lines[i];
            if (lineEnd == lineStart) continue;
            int indent = 0;
            while (lineStart + indent < lineEnd && char.IsWhiteSpace(text[lineStart + indent])) indent++;
            common = System.Math.Min(common, indent);
        }

        if (lines is null) return Dedent(single, common);
        int capacity = lines.Count;
        foreach (var (_, lineStart, lineEnd) in lines) capacity += lineEnd - lineStart;
        var builder = new System.Text.StringBuilder(capacity);
        for (int i = 0; i < lines.Count; i++)
        {
            if (i > 0) builder.Append('\n');
            builder.Append(Dedent(lines[i], common));
        }

        return builder.ToString();
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

    /// <summary>A line with <paramref name="common"/> leading characters removed (a shorter line loses its leading whitespace).</summary>
    private static string Dedent((string Text, int Start, int End) line, int common)
    {
        var (text, start, end) = line;
        if (common is > 0 and < int.MaxValue)
        {
            if (end - start >= common) start += common;
            else while (start < end && char.IsWhiteSpace(text[start])) start++;
        }

        return start == 0 && end == text.Length ? text : text.Substring(start, end - start);
    }
}
