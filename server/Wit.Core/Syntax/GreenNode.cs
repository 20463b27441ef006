using System;
using System.Collections.Generic;

namespace Wit.Core.Syntax;

/// <summary>
/// An interior node: a kind and an ordered list of child tokens and nodes. Made by <see cref="Create(SyntaxKind, GreenElement[], GreenDiagnostic[])"/>:
/// a node of one to three children holds them in fields (most nodes of a file are that small, and a separate
/// array cost more than the node itself: 37% of a large file's parse allocations), a larger one in an array.
/// </summary>
public abstract class GreenNode : GreenElement
{
    private readonly bool _containsDiagnostics;

    private protected GreenNode(SyntaxKind kind, int fullWidth, bool childrenContainDiagnostics, GreenDiagnostic[]? diagnostics)
        : base(kind, fullWidth, diagnostics)
    {
        _containsDiagnostics = childrenContainDiagnostics || Diagnostics.Length > 0;
    }

    /// <summary>A node of <paramref name="kind"/> over <paramref name="slots"/> (the array is kept, not copied).</summary>
    public static GreenNode Create(SyntaxKind kind, GreenElement[] slots, GreenDiagnostic[]? diagnostics = null) => slots.Length switch
    {
        1 => new GreenNode1(kind, slots[0], diagnostics),
        2 => new GreenNode2(kind, slots[0], slots[1], diagnostics),
        3 => new GreenNode3(kind, slots[0], slots[1], slots[2], diagnostics),
        _ => new GreenNodeN(kind, slots, diagnostics),
    };

    /// <summary>A node of <paramref name="kind"/> over a copy of <paramref name="slots"/>.</summary>
    public static GreenNode Create(SyntaxKind kind, List<GreenElement> slots, GreenDiagnostic[]? diagnostics = null) => slots.Count switch
    {
        1 => new GreenNode1(kind, slots[0], diagnostics),
        2 => new GreenNode2(kind, slots[0], slots[1], diagnostics),
        3 => new GreenNode3(kind, slots[0], slots[1], slots[2], diagnostics),
        _ => new GreenNodeN(kind, slots.ToArray(), diagnostics),
    };

    public abstract int SlotCount { get; }

    public abstract GreenElement GetSlot(int index);

    /// <summary>The children (a new list for a node that holds them in fields).</summary>
    public virtual IReadOnlyList<GreenElement> Slots => CopySlots();

    public override bool IsToken => false;

    public override bool ContainsDiagnostics => _containsDiagnostics;

    /// <summary>The first token in document order (possibly missing), or null for a node without tokens.</summary>
    public GreenToken? FirstToken()
    {
        GreenElement current = this;
        while (current is GreenNode node)
        {
            if (node.SlotCount == 0) return null;
            GreenElement? next = null;
            for (int i = 0; i < node.SlotCount; i++)
            {
                var slot = node.GetSlot(i);
                if (slot is GreenToken || (slot is GreenNode n && n.SlotCount > 0)) { next = slot; break; }
            }

            if (next is null) return null;
            current = next;
        }

        return (GreenToken)current;
    }

    public GreenNode WithDiagnostics(GreenDiagnostic[] diagnostics) => Create(Kind, CopySlots(), diagnostics);

    private GreenElement[] CopySlots()
    {
        var slots = new GreenElement[SlotCount];
        for (int i = 0; i < slots.Length; i++) slots[i] = GetSlot(i);
        return slots;
    }

    public override string ToString() => $"{Kind} ({FullWidth})";

    private static bool Contains(GreenElement? slot) => slot is not null && slot.ContainsDiagnostics;

    private sealed class GreenNode1 : GreenNode
    {
        private readonly GreenElement _a;

        public GreenNode1(SyntaxKind kind, GreenElement a, GreenDiagnostic[]? diagnostics)
            : base(kind, a.FullWidth, Contains(a), diagnostics) => _a = a;

        public override int SlotCount => 1;

        public override GreenElement GetSlot(int index) => index == 0 ? _a : throw new ArgumentOutOfRangeException(nameof(index));
    }

    private sealed class GreenNode2 : GreenNode
    {
        private readonly GreenElement _a;
        private readonly GreenElement _b;

        public GreenNode2(SyntaxKind kind, GreenElement a, GreenElement b, GreenDiagnostic[]? diagnostics)
            : base(kind, a.FullWidth + b.FullWidth, Contains(a) || Contains(b), diagnostics)
        {
            _a = a;
            _b = b;
        }

        public override int SlotCount => 2;

        public override GreenElement GetSlot(int index) => index switch
        {
            0 => _a,
            1 => _b,
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };
    }

    private sealed class GreenNode3 : GreenNode
    {
        private readonly GreenElement _a;
        private readonly GreenElement _b;
        private readonly GreenElement _c;

        public GreenNode3(SyntaxKind kind, GreenElement a, GreenElement b, GreenElement c, GreenDiagnostic[]? diagnostics)
            : base(kind, a.FullWidth + b.FullWidth + c.FullWidth, Contains(a) || Contains(b) || Contains(c), diagnostics)
        {
            _a = a;
            _b = b;
            _c = c;
        }

        public override int SlotCount => 3;

        public override GreenElement GetSlot(int index) => index switch
        {
            0 => _a,
            1 => _b,
            2 => _c,
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };
    }

    /// <summary>No children or more than three, in an array.</summary>
    private sealed class GreenNodeN : GreenNode
    {
        private readonly GreenElement[] _slots;

        public GreenNodeN(SyntaxKind kind, GreenElement[] slots, GreenDiagnostic[]? diagnostics)
            : base(kind, SumWidth(slots), AnyContains(slots), diagnostics) => _slots = slots;

        public override int SlotCount => _slots.Length;

        public override GreenElement GetSlot(int index) => _slots[index];

        public override IReadOnlyList<GreenElement> Slots => _slots;

        private static int SumWidth(GreenElement[] slots)
        {
            int width = 0;
            foreach (var slot in slots) width += slot.FullWidth;
            return width;
        }

        private static bool AnyContains(GreenElement[] slots)
        {
            foreach (var slot in slots)
            {
                if (slot.ContainsDiagnostics) return true;
            }

            return false;
        }
    }
}
