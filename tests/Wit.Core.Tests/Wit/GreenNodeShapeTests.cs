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
        var fromSlots = GreenNode.Create(SyntaxKind.TupleType, SlotsOf(children));
        foreach (var node in new[] { fromArray, fromList, fromSlots })
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

        // Made with its diagnostics at once: a node keeps them, and (up to eight children) a copy of the children, as
        // without diagnostics: a small array stays the caller's, a larger one is kept.
        if (count == 0) return;
        var array = (GreenElement[])children.Clone();
        var made = GreenNode.Create(SyntaxKind.TupleType, array, own);
        if (count <= 8) array[0] = children[count - 1];
        Assert.Same(own, made.Diagnostics);
        Assert.True(made.ContainsDiagnostics);
        Assert.Equal(children, made.Slots);
        Assert.Same(own, GreenNode.Create(SyntaxKind.TupleType, new List<GreenElement>(children), own).Diagnostics);
        var fromSlotsWithOwn = GreenNode.Create(SyntaxKind.TupleType, SlotsOf(children), own);
        Assert.Same(own, fromSlotsWithOwn.Diagnostics);
        Assert.Equal(children, fromSlotsWithOwn.Slots);
    }

    private static SlotList SlotsOf(GreenElement[] children)
    {
        var slots = new SlotList();
        foreach (var child in children) slots.Add(child);
        return slots;
    }

    [Fact]
    public void A_slot_list_grows_keeps_order_and_empties()
    {
        var tokens = Enumerable.Range(0, 20).Select(i => new GreenToken(SyntaxKind.IdentifierToken, "t" + i, null, null)).ToArray();
        var slots = new SlotList();
        foreach (var token in tokens) slots.Add(token);

        Assert.Equal(20, slots.Count);
        for (int i = 0; i < tokens.Length; i++) Assert.Same(tokens[i], slots[i]);
        Assert.Equal(tokens, slots.ToArray());
        Assert.Throws<System.ArgumentOutOfRangeException>(() => slots[20]);

        slots.Clear();
        Assert.Equal(0, slots.Count);
        Assert.Throws<System.ArgumentOutOfRangeException>(() => slots[0]);
        slots.Add(tokens[3]);
        Assert.Same(tokens[3], Assert.Single(slots.ToArray()));
    }

    [Fact]
    public void A_tokens_diagnostics_missing_flag_and_trivia_stay_with_it()
    {
        // A token keeps its rare parts (diagnostics, being missing) out of its fields: each must still read back.
        var space = new[] { new GreenTrivia(SyntaxKind.WhitespaceTrivia, " ") };
        var line = new[] { new GreenTrivia(SyntaxKind.EndOfLineTrivia, "\n") };
        var own = new[] { new GreenDiagnostic(SyntaxDiagnostics.ExpectedFound("x", "y"), 1, 1) };

        var plain = new GreenToken(SyntaxKind.IdentifierToken, "ab", space, line);
        Assert.False(plain.ContainsDiagnostics);
        Assert.Empty(plain.Diagnostics);
        Assert.False(plain.IsMissing);
        Assert.Same(space, plain.LeadingTrivia);
        Assert.Same(line, plain.TrailingTrivia);
        Assert.Equal(4, plain.FullWidth);

        var flagged = plain.WithDiagnostics(own);
        Assert.True(flagged.ContainsDiagnostics);
        Assert.Same(own, flagged.Diagnostics);
        Assert.Same(line, flagged.TrailingTrivia);
        Assert.Same(space, flagged.LeadingTrivia);
        Assert.Equal("ab", flagged.Text);
        Assert.False(GreenElement.StructurallyEqual(plain, flagged));

        var bare = new GreenToken(SyntaxKind.IdentifierToken, "ab", null, null, own);
        Assert.Empty(bare.TrailingTrivia);
        Assert.Same(own, bare.Diagnostics);

        var missing = GreenToken.Missing(SyntaxKind.SemicolonToken);
        Assert.True(missing.IsMissing);
        Assert.False(missing.ContainsDiagnostics);
        Assert.Equal(0, missing.FullWidth);
        var missingWithError = missing.WithDiagnostics(own);
        Assert.True(missingWithError.IsMissing);
        Assert.Same(own, missingWithError.Diagnostics);
        Assert.False(new GreenToken(SyntaxKind.SemicolonToken, "", null, null, own).IsMissing);
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
