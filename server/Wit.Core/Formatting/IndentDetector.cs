using System;
using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Formatting;

/// <summary>
/// Finds the indentation unit a WIT document uses from the lines that start a member of a top-level body (an
/// interface's, world's or nested package's: a token at brace depth 1, outside parentheses, after <c>{</c>, <c>;</c> or
/// <c>}</c>) and are indented. The unit is the indentation more than half of those lines share, when it is one tab or 1
/// to <see cref="FormatOptions.MaxIndentSize"/> spaces; otherwise (lines that disagree, mixed tabs and spaces, no
/// indented member) there is none. Comments are trivia and never count, nor do continuation lines or broken items
/// (which the formatter leaves as they are, and whose braces need not balance). Linear, with an explicit stack.
/// </summary>
/// <remarks>
/// Idempotence: the formatter writes every member of a well-formed body at one unit on a line of its own, so its
/// output has a unit shared by all such lines, the one it was written with.
/// </remarks>
internal static class IndentDetector
{
    /// <summary>The unit, or null when the member lines give none.</summary>
    /// <param name="broken">Per top-level item, whether it is broken (<see cref="BrokenItems.Find"/>).</param>
    public static string? Detect(GreenNode root, string text, bool[] broken)
    {
        var stack = new Stack<GreenElement>();
        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        int position = 0, lines = 0;
        for (int item = 0; item < broken.Length; item++)
        {
            var node = root.GetSlot(item);
            if (broken[item]) position += node.FullWidth;
            else lines += Collect(node, text, ref position, stack, votes);
        }

        foreach (var vote in votes)
        {
            if (vote.Value * 2 > lines) return IsUnit(vote.Key) ? vote.Key : null;
        }

        return null;
    }

    /// <summary>
    /// Counts the indentation of each member line of one well-formed item (its braces balance), walked from
    /// <paramref name="position"/>, its start; returns how many member lines are indented.
    /// </summary>
    private static int Collect(GreenElement item, string text, ref int position, Stack<GreenElement> stack, Dictionary<string, int> votes)
    {
        stack.Clear();
        stack.Push(item);
        int braces = 0, parens = 0, lines = 0;
        var previous = SyntaxKind.None;
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (element is GreenNode node)
            {
                for (int i = node.SlotCount - 1; i >= 0; i--) stack.Push(node.GetSlot(i));
                continue;
            }

            var token = (GreenToken)element;
            int start = position + token.LeadingWidth;
            position += token.FullWidth;
            if (token.IsMissing) continue;
            bool afterMemberEnd = previous is SyntaxKind.OpenBraceToken or SyntaxKind.SemicolonToken or SyntaxKind.CloseBraceToken;
            previous = token.Kind;
            switch (token.Kind)
            {
                case SyntaxKind.OpenBraceToken: braces++; continue;
                case SyntaxKind.CloseBraceToken: braces--; continue;
                case SyntaxKind.OpenParenToken: parens++; continue;
                case SyntaxKind.CloseParenToken: parens--; continue;
            }

            if (braces != 1 || parens != 0 || !afterMemberEnd || IndentationAt(text, start) is not { Length: > 0 } indentation) continue;
            lines++;
            votes[indentation] = votes.TryGetValue(indentation, out int count) ? count + 1 : 1;
        }

        return lines;
    }

    /// <summary>The whitespace before <paramref name="start"/> when the token there starts its line; null otherwise.</summary>
    private static string? IndentationAt(string text, int start)
    {
        if (start > text.Length) return null;
        int lineStart = start;
        while (lineStart > 0 && text[lineStart - 1] is ' ' or '\t') lineStart--;
        if (lineStart > 0 && text[lineStart - 1] is not ('\n' or '\r')) return null;
        return text.Substring(lineStart, start - lineStart);
    }

    private static bool IsUnit(string indentation)
    {
        if (indentation == "\t") return true;
        if (indentation.Length > FormatOptions.MaxIndentSize) return false;
        foreach (char c in indentation)
        {
            if (c != ' ') return false;
        }

        return true;
    }
}
