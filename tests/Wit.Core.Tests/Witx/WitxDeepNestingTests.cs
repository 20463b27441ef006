using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Core.Witx;
using Xunit;

namespace Wit.Core.Tests.Witx;

/// <summary>
/// Deep input must not reach the .NET stack: parsing uses an explicit stack, forms deeper than the limit stay flat,
/// and nested block comments are counted. Each test runs on a thread with a small stack, so recursion over the input
/// would crash the run rather than pass by luck.
/// </summary>
public sealed class WitxDeepNestingTests
{
    private const int Depth = 10_000;

    private static T OnSmallStack<T>(Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { result = work(); }
            catch (Exception e) { failure = e; }
        }, 256 * 1024);
        thread.Start();
        thread.Join();
        if (failure is not null) throw new InvalidOperationException("failed on the small stack", failure);
        return result;
    }

    [Fact]
    public void DeeplyNestedBalancedFormsParseFlatBeyondTheLimit()
    {
        string text = new string('(', Depth) + new string(')', Depth);
        var tree = OnSmallStack(() => SyntaxTree.ParseWitx(text));
        Assert.Equal(text, tree.ToFullString());
        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal("WITX0006", diagnostic.Code);
        Assert.Equal($"forms are nested more than {WitxFormParser.MaxDepth} deep", diagnostic.Message);
        Assert.Equal(new TextSpan(WitxFormParser.MaxDepth, 1), diagnostic.Span);
        Assert.Equal(WitxFormParser.MaxDepth + 2, MaxNodeDepth(tree.GreenRoot));
    }

    [Fact]
    public void DeeplyNestedUnclosedFormsGetMissingParens()
    {
        string text = new string('(', Depth);
        var tree = OnSmallStack(() => SyntaxTree.ParseWitx(text));
        Assert.Equal(text, tree.ToFullString());
        Assert.Equal(
            new[] { $"WITX0006 [{WitxFormParser.MaxDepth}..{WitxFormParser.MaxDepth + 1})", $"WITX0005 [{Depth}..{Depth})" },
            tree.Diagnostics.Select(d => $"{d.Code} {d.Span}"));
        int missing = tree.Root.DescendantTokens().Count(t => t.IsMissing);
        Assert.Equal(WitxFormParser.MaxDepth, missing);
    }

    [Fact]
    public void DeeplyNestedBlockCommentsAreOneTrivia()
    {
        string comment = string.Concat(Enumerable.Repeat("(; ", Depth)) + string.Concat(Enumerable.Repeat(";) ", Depth));
        string text = comment + "(a)";
        var tree = OnSmallStack(() => SyntaxTree.ParseWitx(text));
        Assert.Equal(text, tree.ToFullString());
        Assert.Empty(tree.Diagnostics);
        var form = (GreenNode)tree.GreenRoot.GetSlot(0);
        var open = (GreenToken)form.GetSlot(0);
        Assert.Equal(new[] { SyntaxKind.BlockCommentTrivia, SyntaxKind.WhitespaceTrivia }, open.LeadingTrivia.Select(t => t.Kind));
        Assert.Equal(comment.Length - 1, open.LeadingTrivia[0].Width);
    }

    [Fact]
    public void DeeplyNestedUnterminatedBlockComment()
    {
        string text = string.Concat(Enumerable.Repeat("(; ", Depth)) + string.Concat(Enumerable.Repeat(";) ", Depth - 1));
        var tree = OnSmallStack(() => SyntaxTree.ParseWitx(text));
        Assert.Equal(text, tree.ToFullString());
        Assert.Equal(new[] { "WITX0003 [0..2)" }, tree.Diagnostics.Select(d => $"{d.Code} {d.Span}"));
    }

    [Fact]
    public void EditsOfDeepInputReparseIncrementally()
    {
        string text = "(a)\n" + new string('(', Depth) + new string(')', Depth) + "\n(b)";
        var tree = SyntaxTree.ParseWitx(text);
        var changes = new[]
        {
            new TextChange(new TextSpan(4 + Depth, 0), ")"),
            new TextChange(new TextSpan(4 + Depth / 2, 1), ""),
            new TextChange(new TextSpan(4 + 500, 0), "(; "),
        };
        foreach (var change in changes)
        {
            var edited = OnSmallStack(() => tree.WithChange(change));
            Assert.Equal(edited.Text.Text, edited.ToFullString());
            Assert.True(GreenElement.StructurallyEqual(edited.GreenRoot, SyntaxTree.ParseWitx(edited.Text.Text).GreenRoot));
            Assert.Same(tree.GreenRoot.GetSlot(0), edited.GreenRoot.GetSlot(0));
            tree = edited;
        }
    }

    /// <summary>The depth of the deepest node, the root counting as one, measured with an explicit stack.</summary>
    private static int MaxNodeDepth(GreenNode root)
    {
        int max = 0;
        var stack = new Stack<(GreenNode Node, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            max = Math.Max(max, depth);
            foreach (var slot in node.Slots)
            {
                if (slot is GreenNode child) stack.Push((child, depth + 1));
            }
        }

        return max;
    }
}
