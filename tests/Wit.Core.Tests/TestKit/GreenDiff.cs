using System.Collections.Generic;
using System.Linq;
using Wit.Core.Syntax;

namespace Wit.Core.Tests.TestKit;

/// <summary>Describes where two green trees first differ, for messages of structural-equality failures.</summary>
public static class GreenDiff
{
    /// <summary>Null when the trees are structurally equal; otherwise the first difference in document order.</summary>
    public static string? FirstDifference(GreenElement expected, GreenElement actual)
    {
        var stack = new Stack<(GreenElement Expected, GreenElement Actual, int Offset, string Path)>();
        stack.Push((expected, actual, 0, expected.Kind.ToString()));
        while (stack.Count > 0)
        {
            var (x, y, offset, path) = stack.Pop();
            if (ReferenceEquals(x, y)) continue;
            if (x.Kind != y.Kind || x.FullWidth != y.FullWidth || x.IsToken != y.IsToken)
            {
                return $"at offset {offset} ({path}): expected {Describe(x)}, got {Describe(y)}";
            }

            string xd = DescribeDiagnostics(x), yd = DescribeDiagnostics(y);
            if (xd != yd) return $"at offset {offset} ({path}): expected diagnostics [{xd}], got [{yd}]";
            if (x is GreenToken tx && y is GreenToken ty)
            {
                if (tx.Text != ty.Text || tx.IsMissing != ty.IsMissing || Trivia(tx) != Trivia(ty))
                {
                    return $"at offset {offset} ({path}): expected {Describe(tx)} {Trivia(tx)}, got {Describe(ty)} {Trivia(ty)}";
                }

                continue;
            }

            var nx = (GreenNode)x;
            var ny = (GreenNode)y;
            if (nx.SlotCount != ny.SlotCount) return $"at offset {offset} ({path}): expected {nx.SlotCount} slots, got {ny.SlotCount}";
            var children = new List<(GreenElement, GreenElement, int, string)>();
            int childOffset = offset;
            for (int i = 0; i < nx.SlotCount; i++)
            {
                var child = nx.GetSlot(i);
                children.Add((child, ny.GetSlot(i), childOffset, $"{path}/{i}:{child.Kind}"));
                childOffset += child.FullWidth;
            }

            for (int i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
        }

        return null;
    }

    private static string Describe(GreenElement element) => element is GreenToken token
        ? $"{token.Kind} {TreeChecks.Literal(token.Text)}{(token.IsMissing ? " (missing)" : string.Empty)}"
        : $"{element.Kind} (width {element.FullWidth}) {TreeChecks.Literal(Truncate(element.ToFullString()))}";

    private static string Trivia(GreenToken token) =>
        "leading " + TreeChecks.Literal(string.Concat(token.LeadingTrivia.Select(t => t.Text)))
        + " trailing " + TreeChecks.Literal(string.Concat(token.TrailingTrivia.Select(t => t.Text)));

    private static string DescribeDiagnostics(GreenElement element) =>
        string.Join(", ", element.Diagnostics.Select(d => $"{d.Descriptor.Code}@{d.Offset}+{d.Length} {d.Message}"));

    private static string Truncate(string text) => text.Length <= 60 ? text : text.Substring(0, 60) + "...";
}
