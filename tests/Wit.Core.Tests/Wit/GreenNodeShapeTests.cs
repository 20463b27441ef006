using System.Collections.Generic;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Syntax;
using Xunit;

namespace Wit.Core.Tests.Wit;

/// <summary>
/// <see cref="GreenNode.Create(SyntaxKind, GreenElement[], GreenDiagnostic[])"/> holds up to eight children inline and
/// more in an array: every shape must give back its children in order, its width, and its diagnostics (its own and
/// the "somewhere below" flag, which share one field), from either overload and through
/// <see cref="GreenNode.WithDiagnostics"/>.
/// </summary>
public sealed class GreenNodeShapeTests
{
    public static TheoryData<int> Counts => new() { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12 };

    public static TheoryData<int> NonEmptyCounts => new() { 1, 2, 3, 4, 5, 6, 7, 8, 9, 12 };

    [Theory]
    [MemberData(nameof(Counts))]
    public void EveryShapeKeepsItsChildrenWidthAndDiagnostics(int count)
    {
        var children = Enumerable.Range(0, count)
            .Select(i => (GreenElement)new GreenToken(SyntaxKind.IdentifierToken, new string('a', i + 1), null, null))
            .ToArray();
        var fromArray = GreenNode.Create(SyntaxKind.TupleType, children);
        var fromList = GreenNode.Create(SyntaxKind.TupleType, new List<GreenElement>(children));
        foreach (var node in new[] { fromArray, fromList })
        {
            Assert.Equal(count, node.SlotCount);
            for (int i = 0; i < count; i++) Assert.Same(children[i], node.GetSlot(i));
            Assert.Equal(children, node.Slots);
            Assert.Equal(count * (count + 1) / 2, node.FullWidth);
            Assert.False(node.ContainsDiagnostics);
            Assert.Empty(node.Diagnostics);
        }

        var own = new[] { new GreenDiagnostic(SyntaxDiagnostics.ExpectedFound("'{'", "';'"), 0, 1) };
        var flagged = fromList.WithDiagnostics(own);
        Assert.True(flagged.ContainsDiagnostics);
        Assert.Same(own, flagged.Diagnostics);
        Assert.Equal(children, flagged.Slots);
        Assert.True(GreenElement.StructurallyEqual(fromArray, fromList));
        Assert.False(GreenElement.StructurallyEqual(fromArray, flagged));
    }

    [Theory]
    [MemberData(nameof(NonEmptyCounts))]
    public void ADiagnosticBelowIsSeenWithoutBecomingTheNodesOwn(int count)
    {
        var bad = new GreenToken(SyntaxKind.BadToken, "#", null, null, new[] { new GreenDiagnostic(SyntaxDiagnostics.ExpectedFound("x", "y"), 0, 1) });
        var children = Enumerable.Range(0, count)
            .Select(i => i == count - 1 ? bad : (GreenElement)new GreenToken(SyntaxKind.IdentifierToken, "a", null, null))
            .ToArray();
        var node = GreenNode.Create(SyntaxKind.TupleType, children);
        Assert.True(node.ContainsDiagnostics);
        Assert.Empty(node.Diagnostics);
        Assert.True(GreenNode.Create(SyntaxKind.TupleType, new GreenElement[] { node }).ContainsDiagnostics);
    }
}
