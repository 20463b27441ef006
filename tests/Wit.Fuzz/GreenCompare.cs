using System.Collections.Generic;
using System.Linq;
using Wit.Core.Syntax;

namespace Wit.Fuzz;

/// <summary>Structural equality of two green trees (kinds, widths, token texts, trivia, diagnostics), with an explicit stack.</summary>
public static class GreenCompare
{
    /// <summary>Null when equal; otherwise where the trees first differ.</summary>
    public static string? FirstDifference(GreenElement expected, GreenElement actual)
    {
        var stack = new Stack<(GreenElement Expected, GreenElement Actual, int Offset)>();
        stack.Push((expected, actual, 0));
        while (stack.Count > 0)
        {
            var (x, y, offset) = stack.Pop();
            if (ReferenceEquals(x, y)) continue;
            if (x.Kind != y.Kind || x.FullWidth != y.FullWidth || x.IsToken != y.IsToken) return $"at {offset}: {x.Kind} ({x.FullWidth}) vs {y.Kind} ({y.FullWidth})";
            if (Diagnostics(x) != Diagnostics(y)) return $"at {offset}: diagnostics [{Diagnostics(x)}] vs [{Diagnostics(y)}]";
            if (x is GreenToken tx && y is GreenToken ty)
            {
                if (tx.Text != ty.Text || tx.IsMissing != ty.IsMissing || Trivia(tx) != Trivia(ty)) return $"at {offset}: token {tx.Kind} differs";
                continue;
            }

            var nx = (GreenNode)x;
            var ny = (GreenNode)y;
            if (nx.SlotCount != ny.SlotCount) return $"at {offset}: {nx.SlotCount} vs {ny.SlotCount} slots";
            int childOffset = offset;
            var children = new List<(GreenElement, GreenElement, int)>();
            for (int i = 0; i < nx.SlotCount; i++)
            {
                children.Add((nx.GetSlot(i), ny.GetSlot(i), childOffset));
                childOffset += nx.GetSlot(i).FullWidth;
            }

            for (int i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
        }

        return null;
    }

    private static string Diagnostics(GreenElement element) =>
        string.Join("; ", element.Diagnostics.Select(d => $"{d.Descriptor.Code} {d.Offset}+{d.Length} {d.Message}"));

    private static string Trivia(GreenToken token) =>
        string.Join("|", token.LeadingTrivia.Select(t => t.Kind + ":" + t.Text)) + "#" + string.Join("|", token.TrailingTrivia.Select(t => t.Kind + ":" + t.Text));
}
