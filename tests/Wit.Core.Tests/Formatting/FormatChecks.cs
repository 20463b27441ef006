using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Formatting;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;
using Xunit;

namespace Wit.Core.Tests.Formatting;

/// <summary>
/// The formatter's invariants, checked the same way by every formatting test: only whitespace changes (the tokens,
/// the comments and the syntax diagnostics are the same before and after) and formatting twice changes nothing.
/// </summary>
public static class FormatChecks
{
    /// <summary>Formats <paramref name="input"/>, asserts the invariants and that the result is <paramref name="expected"/>.</summary>
    public static void AssertFormats(string input, string expected)
    {
        string actual = WitFormatter.Format(input);
        Assert.True(expected == actual, $"formatting gave a different text; {FirstDifference(expected, actual)}\n--- expected\n{expected}--- actual\n{actual}");
        string? problem = Problem(input);
        Assert.True(problem is null, problem);
    }

    /// <summary>Null when formatting <paramref name="input"/> changes only whitespace and is idempotent; otherwise what went wrong.</summary>
    public static string? Problem(string input)
    {
        string once = WitFormatter.Format(input);
        string? problem = WhitespaceOnlyProblem(input, once);
        if (problem is not null) return problem;
        string twice = WitFormatter.Format(once);
        return twice == once ? null : "formatting again changed the text; " + FirstDifference(once, twice);
    }

    /// <summary>Null when <paramref name="after"/> has the same tokens, comments and syntax diagnostics as <paramref name="before"/>.</summary>
    public static string? WhitespaceOnlyProblem(string before, string after)
    {
        var treeBefore = SyntaxTree.ParseWit(before);
        var treeAfter = SyntaxTree.ParseWit(after);
        string? difference = FirstListDifference(Tokens(treeBefore), Tokens(treeAfter));
        if (difference is not null) return "the tokens changed: " + difference;
        difference = FirstListDifference(Comments(treeBefore), Comments(treeAfter));
        if (difference is not null) return "the comments changed: " + difference;
        difference = FirstListDifference(Diagnostics(treeBefore), Diagnostics(treeAfter));
        return difference is null ? null : "the syntax diagnostics changed: " + difference;
    }

    /// <summary>Every token (missing ones included) as its kind and text, in document order.</summary>
    public static List<string> Tokens(SyntaxTree tree) =>
        tree.Root.DescendantTokens().Select(token => $"{token.Kind} {TreeChecks.Literal(token.Text)}{(token.IsMissing ? " (missing)" : string.Empty)}").ToList();

    /// <summary>Every comment's exact text, doc comments included, in document order.</summary>
    public static List<string> Comments(SyntaxTree tree) => tree.Root.DescendantTokens()
        .SelectMany(token => token.LeadingTrivia.Concat(token.TrailingTrivia))
        .Where(trivia => trivia.IsComment)
        .Select(trivia => TreeChecks.Literal(trivia.Text))
        .ToList();

    private static List<string> Diagnostics(SyntaxTree tree) => tree.Diagnostics.Select(d => $"{d.Descriptor.Code} {d.Message}").ToList();

    /// <summary>Where two texts first differ, by line, for failure messages.</summary>
    public static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (int i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            string? e = i < expectedLines.Length ? expectedLines[i] : null;
            string? a = i < actualLines.Length ? actualLines[i] : null;
            if (e != a) return $"line {i + 1}: expected {(e is null ? "end of text" : TreeChecks.Literal(e))}, got {(a is null ? "end of text" : TreeChecks.Literal(a))}";
        }

        return "the texts are equal";
    }

    private static string? FirstListDifference(List<string> before, List<string> after)
    {
        for (int i = 0; i < Math.Min(before.Count, after.Count); i++)
        {
            if (before[i] != after[i]) return $"#{i}: {before[i]} became {after[i]}";
        }

        return before.Count == after.Count ? null : $"{before.Count} became {after.Count}";
    }
}
