using System.Collections.Generic;
using System.Linq;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;
using Wit.Core.Text;
using Xunit;

namespace Wit.Core.Tests.Wit;

/// <summary>
/// The red tree over every WIT file of the corpus: tokens tile the text in order, spans agree with the green widths,
/// parents contain their children, the root holds only top-level items, and <see cref="SyntaxNode.FindToken"/> finds
/// the token under a position.
/// </summary>
public sealed class RedTreeTests
{
    private const int FindTokenStride = 11;

    [Fact]
    public void CorpusTreesKeepTheRedTreeInvariants()
    {
        var files = Corpus.Files("", ".wit");
        Assert.True(files.Count > 400, $"only {files.Count} corpus files");
        var failures = new List<string>();
        foreach (string path in files)
        {
            string text = Corpus.ReadText(path);
            var tree = SyntaxTree.Parse(SourceText.From(text, path));
            string? problem = TreeChecks.WitRootShapeProblem(tree) ?? TokenProblem(tree, text) ?? NodeProblem(tree) ?? FindTokenProblem(tree, text);
            if (problem is not null) failures.Add($"{Corpus.Relative(path)}: {problem}");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {files.Count} files break a red tree invariant:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void FindTokenAtTheEndReturnsTheEndOfFileToken()
    {
        var tree = SyntaxTree.ParseWit("package a:b;\n// trailing\n");

        var token = tree.Root.FindToken(tree.Text.Length);

        Assert.Equal(SyntaxKind.EndOfFileToken, token?.Kind);
        Assert.Equal(SyntaxKind.IdentifierToken, tree.Root.FindToken(8)?.Kind);
        Assert.Equal("b", tree.Root.FindToken(10)?.Text);
    }

    private static string? TokenProblem(SyntaxTree tree, string text)
    {
        int expected = 0;
        SyntaxToken? last = null;
        foreach (var token in tree.Root.DescendantTokens())
        {
            if (token.FullSpan.Start != expected) return $"token {token.Kind} starts at {token.FullSpan.Start}, expected {expected}";
            if (text.Substring(token.Span.Start, token.Span.Length) != token.Text) return $"token {token.Kind} at {token.Span} does not match the text";
            if (token.Span.Start != token.FullSpan.Start + token.Green.LeadingWidth) return $"token {token.Kind} span ignores its leading trivia";
            if (!Contains(token.Parent.FullSpan, token.FullSpan)) return $"token {token.Kind} at {token.FullSpan} lies outside its parent {token.Parent.Kind} {token.Parent.FullSpan}";
            expected = token.FullSpan.End;
            last = token;
        }

        if (expected != text.Length) return $"tokens end at {expected}, text at {text.Length}";
        if (last?.Kind != SyntaxKind.EndOfFileToken) return $"last token is {last?.Kind}, expected EndOfFileToken";
        return null;
    }

    private static string? NodeProblem(SyntaxTree tree)
    {
        if (tree.Root.FullSpan != new TextSpan(0, tree.Text.Length)) return $"root full span {tree.Root.FullSpan}";
        foreach (var node in tree.Root.DescendantNodes())
        {
            if (!Contains(node.Parent!.FullSpan, node.FullSpan)) return $"node {node.Kind} {node.FullSpan} lies outside its parent {node.Parent.Kind} {node.Parent.FullSpan}";
            if (!Contains(node.FullSpan, node.Span)) return $"node {node.Kind} span {node.Span} lies outside its full span {node.FullSpan}";
        }

        foreach (var item in tree.Root.ChildNodes())
        {
            if (item.FirstToken() is { } first && !first.IsMissing && item.Span.Start != first.Span.Start)
            {
                return $"top-level {item.Kind} span starts at {item.Span.Start}, its first token at {first.Span.Start}";
            }
        }

        return null;
    }

    private static string? FindTokenProblem(SyntaxTree tree, string text)
    {
        for (int position = 0; position < text.Length; position += FindTokenStride)
        {
            var token = tree.Root.FindToken(position);
            if (token is not { } found || !found.FullSpan.Contains(position)) return $"FindToken({position}) returned {token?.Kind} at {token?.FullSpan}";
        }

        return null;
    }

    private static bool Contains(TextSpan outer, TextSpan inner) => inner.Start >= outer.Start && inner.End <= outer.End;
}
