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
        if (node.Syntax.FirstToken() is not { } first) return null;
        var comments = new List<string>();
        if (SyntaxNode.PreviousToken(first) is { } previous)
        {
            foreach (var trivia in previous.TrailingTrivia)
            {
                if (trivia.IsComment) comments.Add(trivia.Text);
            }
        }

        foreach (var trivia in first.LeadingTrivia)
        {
            if (trivia.IsComment) comments.Add(trivia.Text);
        }

        if (comments.Count == 0) return null;
        var lines = new List<string>(comments.Count);
        foreach (var comment in comments)
        {
            string contents = comment.StartsWith("/**", System.StringComparison.Ordinal) && comment.EndsWith("*/", System.StringComparison.Ordinal) && comment.Length >= 5
                ? comment.Substring(3, comment.Length - 5)
                : comment.TrimStart('/');
            lines.Add(contents.TrimEnd());
        }

        // wit-parser then removes the indentation all non-blank lines share.
        int common = int.MaxValue;
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0) continue;
            int indent = 0;
            while (indent < line.Length && char.IsWhiteSpace(line[indent])) indent++;
            common = System.Math.Min(common, indent);
        }

        if (common is > 0 and < int.MaxValue)
        {
            for (int i = 0; i < lines.Count; i++) lines[i] = lines[i].Length >= common ? lines[i].Substring(common) : lines[i].TrimStart();
        }

        return string.Join("\n", lines);
    }
}
