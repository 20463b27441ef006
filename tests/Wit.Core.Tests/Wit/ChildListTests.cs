using System.Collections.Generic;
using System.Linq;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;
using Wit.Core.Text;
using Xunit;

namespace Wit.Core.Tests.Wit;

/// <summary>
/// The allocation-free walks of the red tree (<see cref="ChildSyntaxList"/>, <see cref="ChildNodeList"/>,
/// <see cref="ChildTokenList"/>, <see cref="SyntaxTriviaList"/>, the stack-of-enumerators descendant walks and the
/// descending <see cref="SyntaxNode.FirstToken"/>, <see cref="SyntaxNode.LastToken"/> and
/// <see cref="SyntaxNode.PreviousToken"/>) against slot-by-slot references built on
/// <see cref="SyntaxNode.GetChild"/>, over every WIT and WITX file of the corpus.
/// </summary>
public sealed class ChildListTests
{
    [Fact]
    public void CorpusWalksEqualTheSlotBySlotReference()
    {
        var files = Corpus.Files("", ".wit").Concat(Corpus.Files("", ".witx")).ToList();
        Assert.True(files.Count > 400, $"only {files.Count} corpus files");
        var failures = new List<string>();
        foreach (string path in files)
        {
            var tree = SyntaxTree.Parse(SourceText.From(Corpus.ReadText(path), path));
            if (Problem(tree.Root) is { } problem) failures.Add($"{Corpus.Relative(path)}: {problem}");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {files.Count} files differ:\n" + string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void FirstTokenSkipsBranchesWithoutTokens()
    {
        // An item whose first child is a list holding only an empty node: the first token is in the next slot.
        var token = new GreenToken(SyntaxKind.IdentifierToken, "x", new[] { new GreenTrivia(SyntaxKind.WhitespaceTrivia, "  ") }, null);
        var empty = GreenNode.Create(SyntaxKind.Attribute, new List<GreenElement>());
        var list = GreenNode.Create(SyntaxKind.InterfaceBody, new GreenElement[] { empty });
        var item = GreenNode.Create(SyntaxKind.Interface, new GreenElement[] { list, token });
        var root = new SyntaxNode(null, null, GreenNode.Create(SyntaxKind.WitDocument, new GreenElement[] { item }), 0, 0);

        var first = root.FirstToken();

        Assert.Equal("x", first?.Text);
        Assert.Equal(new TextSpan(2, 1), first?.Span);
        Assert.Equal(SyntaxKind.Interface, first?.Parent.Kind);
        Assert.Null(root.GetChild(0).AsNode()!.GetChild(0).AsNode()!.FirstToken());
    }

    private static string? Problem(SyntaxNode root)
    {
        var expectedOrder = new List<SyntaxElement>();
        var stack = new Stack<SyntaxNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            var slots = Enumerable.Range(0, node.SlotCount).Select(node.GetChild).ToList();
            var children = new List<SyntaxElement>();
            foreach (var child in node.ChildrenWithTokens()) children.Add(child);
            if (!SameElements(children, slots)) return $"ChildrenWithTokens of {node.Kind} at {node.Position} differ from the slots";
            var nodes = new List<SyntaxNode>();
            foreach (var child in node.ChildNodes()) nodes.Add(child);
            if (!nodes.SequenceEqual(slots.Where(s => s.IsNode).Select(s => s.AsNode()!))) return $"ChildNodes of {node.Kind} at {node.Position} differ";
            var tokens = new List<SyntaxToken>();
            foreach (var child in node.ChildTokens()) tokens.Add(child);
            if (!SameElements(tokens.Select(t => new SyntaxElement(t)).ToList(), slots.Where(s => s.IsToken).ToList())) return $"ChildTokens of {node.Kind} at {node.Position} differ";
            foreach (var token in tokens)
            {
                if (TriviaProblem(token) is { } problem) return problem;
            }

            var firstToken = FirstTokenReference(node);
            var actual = node.FirstToken();
            if (firstToken.HasValue != actual.HasValue || (firstToken is { } f && actual is { } a && !SameElements(new List<SyntaxElement> { new(f) }, new List<SyntaxElement> { new(a) })))
            {
                return $"FirstToken of {node.Kind} at {node.Position} differs";
            }

            var lastToken = LastTokenReference(node);
            var actualLast = node.LastToken();
            if (lastToken.HasValue != actualLast.HasValue || (lastToken is { } l && actualLast is { } al && !SameElements(new List<SyntaxElement> { new(l) }, new List<SyntaxElement> { new(al) })))
            {
                return $"LastToken of {node.Kind} at {node.Position} differs";
            }

            for (int i = slots.Count - 1; i >= 0; i--)
            {
                if (slots[i].AsNode() is { } child) stack.Push(child);
            }
        }

        // Pre-order of every element below the root, built from the slots.
        var pending = new Stack<SyntaxElement>();
        for (int i = root.SlotCount - 1; i >= 0; i--) pending.Push(root.GetChild(i));
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            expectedOrder.Add(element);
            if (element.AsNode() is not { } node) continue;
            for (int i = node.SlotCount - 1; i >= 0; i--) pending.Push(node.GetChild(i));
        }

        if (!SameElements(root.DescendantElements().ToList(), expectedOrder)) return "DescendantElements differs from the pre-order of the slots";
        var allTokens = expectedOrder.Where(e => e.IsToken).ToList();
        for (int i = 0; i < allTokens.Count; i++)
        {
            var previous = SyntaxNode.PreviousToken(allTokens[i].AsToken());
            if (i == 0 ? previous is not null : previous is not { } p || !SameElements(new List<SyntaxElement> { new(p) }, new List<SyntaxElement> { allTokens[i - 1] }))
            {
                return $"PreviousToken of the token at {allTokens[i].AsToken().Position} differs";
            }
        }

        if (!root.DescendantNodes().SequenceEqual(expectedOrder.Where(e => e.IsNode).Select(e => e.AsNode()!))) return "DescendantNodes differs";

        // A pruned walk: nodes under an Interface are not entered, so only the interface itself appears.
        var pruned = expectedOrder.Where(e => e.IsNode).Select(e => e.AsNode()!).Where(n => !n.AncestorsAndSelf().Skip(1).TakeWhile(a => a != root).Any(a => a.Kind == SyntaxKind.Interface));
        if (!root.DescendantNodes(n => n.Kind != SyntaxKind.Interface).SequenceEqual(pruned)) return "the pruned DescendantNodes differs";
        return null;
    }

    private static string? TriviaProblem(SyntaxToken token)
    {
        int position = token.FullSpan.Start;
        int index = 0;
        foreach (var trivia in token.LeadingTrivia)
        {
            if (trivia.Position != position || !ReferenceEquals(trivia.Green, token.Green.LeadingTrivia[index++])) return $"leading trivia of {token.Kind} at {token.Position} misplaced";
            position += trivia.Green.Width;
        }

        if (index != token.Green.LeadingTrivia.Length || position != token.Span.Start) return $"leading trivia of {token.Kind} at {token.Position} incomplete";
        position = token.Span.End;
        index = 0;
        foreach (var trivia in token.TrailingTrivia)
        {
            if (trivia.Position != position || !ReferenceEquals(trivia.Green, token.Green.TrailingTrivia[index++])) return $"trailing trivia of {token.Kind} at {token.Position} misplaced";
            position += trivia.Green.Width;
        }

        return index != token.Green.TrailingTrivia.Length || position != token.FullSpan.End ? $"trailing trivia of {token.Kind} at {token.Position} incomplete" : null;
    }

    private static SyntaxToken? FirstTokenReference(SyntaxNode node)
    {
        var pending = new Stack<SyntaxElement>();
        for (int i = node.SlotCount - 1; i >= 0; i--) pending.Push(node.GetChild(i));
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            if (element.IsToken) return element.AsToken();
            var child = element.AsNode()!;
            for (int i = child.SlotCount - 1; i >= 0; i--) pending.Push(child.GetChild(i));
        }

        return null;
    }

    private static SyntaxToken? LastTokenReference(SyntaxNode node)
    {
        var pending = new Stack<SyntaxElement>();
        for (int i = 0; i < node.SlotCount; i++) pending.Push(node.GetChild(i));
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            if (element.IsToken) return element.AsToken();
            var child = element.AsNode()!;
            for (int i = 0; i < child.SlotCount; i++) pending.Push(child.GetChild(i));
        }

        return null;
    }

    /// <summary>Same nodes (equal cursors: red nodes are made on demand) and same token cursors (green, parent, position, slot).</summary>
    private static bool SameElements(List<SyntaxElement> actual, List<SyntaxElement> expected)
    {
        if (actual.Count != expected.Count) return false;
        for (int i = 0; i < actual.Count; i++)
        {
            var a = actual[i];
            var e = expected[i];
            if (a.IsNode != e.IsNode) return false;
            if (a.IsNode && a.AsNode() != e.AsNode()) return false;
            if (a.IsToken)
            {
                var at = a.AsToken();
                var et = e.AsToken();
                if (!ReferenceEquals(at.Green, et.Green) || at.Parent != et.Parent || at.Position != et.Position || at.Index != et.Index) return false;
            }
        }

        return true;
    }
}
