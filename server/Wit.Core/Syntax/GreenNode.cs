using System;
using System.Collections.Generic;
#if NET
using System.Runtime.CompilerServices;
#endif

namespace Wit.Core.Syntax;

/// <summary>
/// An interior node: a kind and an ordered list of child tokens and nodes. Made by <see cref="Create(SyntaxKind, GreenElement[], GreenDiagnostic[])"/>:
/// a node of one to eight children holds them in fields (most nodes of a file are that small, and a separate array
/// cost more than the node itself: 37% of a large file's parse allocations), a larger one in an array. Whether a
/// diagnostic is below is a flag; only the array shape has a field for diagnostics of its own, so a node that has
/// some is made in that shape (few nodes do: a WIT item collects its parse errors).
/// </summary>
public abstract class GreenNode : GreenElement
{
    /// <param name="inherited">The children's <see cref="GreenElement.InheritedFlags"/>, combined.</param>
    private protected GreenNode(SyntaxKind kind, int fullWidth, int inherited, byte contentHash)
        : base(kind, fullWidth, (byte)(inherited | kind switch { SyntaxKind.NamedType => ContainsNamedTypeFlag, SyntaxKind.UsePath => ContainsUsePathFlag, _ => 0 }), contentHash)
    {
    }

    private protected GreenNode(SyntaxKind kind, Summary summary)
        : this(kind, summary.Width, summary.Inherited, summary.Hash)
    {
    }

    /// <summary>
    /// Whether this node is a <see cref="SyntaxKind.NamedType"/> or has one below: where a type may refer to another
    /// by name (a record of primitives, or a function of them, has none).
    /// </summary>
    public bool ContainsNamedType => (Flags & ContainsNamedTypeFlag) != 0;

    /// <summary>Whether this node is a <see cref="SyntaxKind.UsePath"/> or has one below (a <c>use</c>, an <c>include</c>, an import or export of a path).</summary>
    public bool ContainsUsePath => (Flags & ContainsUsePathFlag) != 0;

    /// <summary>What a node takes from its children: their total width, their <see cref="GreenElement.InheritedFlags"/> and their <see cref="GreenElement.ContentHash"/>es mixed.</summary>
    private protected readonly struct Summary
    {
        public Summary(int width, int inherited, byte hash)
        {
            Width = width;
            Inherited = inherited;
            Hash = hash;
        }

        public int Width { get; }

        public int Inherited { get; }

        public byte Hash { get; }

        /// <summary>This summary, marked as containing diagnostics when the node has some of its own.</summary>
        public Summary WithOwnDiagnostics(bool has) => has ? new Summary(Width, Inherited | ContainsDiagnosticsFlag, Hash) : this;
    }

    /// <summary>A node of <paramref name="kind"/> over <paramref name="slots"/> (a larger array is kept, not copied).</summary>
    public static GreenNode Create(SyntaxKind kind, GreenElement[] slots, GreenDiagnostic[]? diagnostics = null) => slots.Length switch
    {
        _ when diagnostics is { Length: > 0 } => new GreenNodeN(kind, slots.Length > MaxInline ? slots : (GreenElement[])slots.Clone(), diagnostics),
        1 => new GreenNode1(kind, slots[0]),
        2 => new GreenNode2(kind, slots[0], slots[1]),
        3 => new GreenNode3(kind, slots[0], slots[1], slots[2]),
#if NET
        > 3 and <= MaxInline => CreateInline(kind, slots),
#endif
        _ => new GreenNodeN(kind, slots, null),
    };

    /// <summary>The most children a node holds in fields rather than in an array.</summary>
    private const int MaxInline = 8;

    /// <summary>A node of <paramref name="kind"/> over a copy of <paramref name="slots"/>.</summary>
    public static GreenNode Create(SyntaxKind kind, List<GreenElement> slots, GreenDiagnostic[]? diagnostics = null) =>
#if NET
        CreateCopy(kind, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(slots), diagnostics);
#else
        Create(kind, slots.ToArray(), diagnostics);
#endif

    /// <summary>A node of <paramref name="kind"/> over a copy of <paramref name="slots"/> (the parser's lists).</summary>
    internal static GreenNode Create(SyntaxKind kind, SlotList slots, GreenDiagnostic[]? diagnostics = null) =>
#if NET
        CreateCopy(kind, slots.AsSpan(), diagnostics);
#else
        Create(kind, slots.ToArray(), diagnostics);
#endif

#if NET
    /// <summary>A node over a copy of <paramref name="slots"/>: an array only for a large node or one with diagnostics.</summary>
    private static GreenNode CreateCopy(SyntaxKind kind, ReadOnlySpan<GreenElement> slots, GreenDiagnostic[]? diagnostics) => slots.Length switch
    {
        _ when diagnostics is { Length: > 0 } => new GreenNodeN(kind, slots.ToArray(), diagnostics),
        1 => new GreenNode1(kind, slots[0]),
        2 => new GreenNode2(kind, slots[0], slots[1]),
        3 => new GreenNode3(kind, slots[0], slots[1], slots[2]),
        > 3 and <= MaxInline => CreateInline(kind, slots),
        _ => new GreenNodeN(kind, slots.ToArray(), null),
    };
#endif

    public abstract int SlotCount { get; }

    public abstract GreenElement GetSlot(int index);

    /// <summary>The children (a new list for a node that holds them inline).</summary>
    public virtual IReadOnlyList<GreenElement> Slots => CopySlots();

    public override GreenDiagnostic[] Diagnostics => NoDiagnostics;

    private static readonly GreenDiagnostic[] NoDiagnostics = new GreenDiagnostic[0];

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

    /// <summary>
    /// The last token in document order (possibly missing), or null for a node without tokens: the green token of
    /// <see cref="SyntaxNode.LastToken"/> (the last slot that is a token or a node holding one, descended into).
    /// </summary>
    public GreenToken? LastToken()
    {
        var node = this;
        while (true)
        {
            GreenNode? next = null;
            for (int i = node.SlotCount - 1; i >= 0 && next is null; i--)
            {
                var slot = node.GetSlot(i);
                if (slot is GreenToken token) return token;
                if (slot is GreenNode g && g.FirstToken() is not null) next = g;
            }

            if (next is null) return null;
            node = next;
        }
    }

    public GreenNode WithDiagnostics(GreenDiagnostic[] diagnostics) =>
        diagnostics.Length > 0 ? new GreenNodeN(Kind, CopySlots(), diagnostics) : Create(Kind, CopySlots());

    public override string ToString() => $"{Kind} ({FullWidth})";

    private GreenElement[] CopySlots()
    {
        var slots = new GreenElement[SlotCount];
        for (int i = 0; i < slots.Length; i++) slots[i] = GetSlot(i);
        return slots;
    }

#if NET
    private static Summary Summarize(ReadOnlySpan<GreenElement> slots)
#else
    private static Summary Summarize(GreenElement[] slots)
#endif
    {
        int width = 0;
        int inherited = 0;
        byte hash = 0;
        foreach (var slot in slots)
        {
            width += slot.FullWidth;
            inherited |= slot.InheritedFlags;
            hash = Mix(hash, slot);
        }

        return new Summary(width, inherited, hash);
    }

    private sealed class GreenNode1 : GreenNode
    {
        private readonly GreenElement _a;

        public GreenNode1(SyntaxKind kind, GreenElement a)
            : base(kind, a.FullWidth, a.InheritedFlags, Mix(0, a)) => _a = a;

        public override int SlotCount => 1;

        public override GreenElement GetSlot(int index) => index == 0 ? _a : throw new ArgumentOutOfRangeException(nameof(index));
    }

    private sealed class GreenNode2 : GreenNode
    {
        private readonly GreenElement _a;
        private readonly GreenElement _b;

        public GreenNode2(SyntaxKind kind, GreenElement a, GreenElement b)
            : base(kind, a.FullWidth + b.FullWidth, a.InheritedFlags | b.InheritedFlags, Mix(Mix(0, a), b))
        {
            _a = a;
            _b = b;
        }

        public override int SlotCount => 2;

        public override GreenElement GetSlot(int index) => index == 0 ? _a : index == 1 ? _b : throw new ArgumentOutOfRangeException(nameof(index));
    }

    private sealed class GreenNode3 : GreenNode
    {
        private readonly GreenElement _a;
        private readonly GreenElement _b;
        private readonly GreenElement _c;

        public GreenNode3(SyntaxKind kind, GreenElement a, GreenElement b, GreenElement c)
            : base(kind, a.FullWidth + b.FullWidth + c.FullWidth, a.InheritedFlags | b.InheritedFlags | c.InheritedFlags, Mix(Mix(Mix(0, a), b), c))
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

#if NET
    /// <summary>Four to eight children (an array of that size cost 24 bytes and an object more; netstandard2.0, for the source generator, keeps arrays).</summary>
    private static GreenNode CreateInline(SyntaxKind kind, ReadOnlySpan<GreenElement> slots) => slots.Length switch
    {
        4 => new InlineNode<Four>(kind, slots),
        5 => new InlineNode<Five>(kind, slots),
        6 => new InlineNode<Six>(kind, slots),
        7 => new InlineNode<Seven>(kind, slots),
        _ => new InlineNode<Eight>(kind, slots),
    };

    /// <summary>Four to eight children in an inline array of that length, (<typeparamref name="TSlots"/>).</summary>
    private sealed class InlineNode<TSlots> : GreenNode
        where TSlots : struct
    {
        private TSlots _slots;

        public InlineNode(SyntaxKind kind, ReadOnlySpan<GreenElement> slots)
            : base(kind, Summarize(slots)) => slots.CopyTo(Span);

        private static int Length => Unsafe.SizeOf<TSlots>() / Unsafe.SizeOf<GreenElement>();

        private Span<GreenElement> Span => System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref Unsafe.As<TSlots, GreenElement>(ref _slots), Length);

        public override int SlotCount => Length;

        public override GreenElement GetSlot(int index) => Span[index];
    }

    [InlineArray(4)]
    private struct Four
    {
        private GreenElement _element;
    }

    [InlineArray(5)]
    private struct Five
    {
        private GreenElement _element;
    }

    [InlineArray(6)]
    private struct Six
    {
        private GreenElement _element;
    }

    [InlineArray(7)]
    private struct Seven
    {
        private GreenElement _element;
    }

    [InlineArray(8)]
    private struct Eight
    {
        private GreenElement _element;
    }

#endif

    /// <summary>No children or more than eight, in an array; or any number with diagnostics of its own.</summary>
    private sealed class GreenNodeN : GreenNode
    {
        private readonly GreenElement[] _slots;
        private readonly GreenDiagnostic[]? _diagnostics;

        public GreenNodeN(SyntaxKind kind, GreenElement[] slots, GreenDiagnostic[]? diagnostics)
            : base(kind, Summarize(slots).WithOwnDiagnostics(diagnostics is { Length: > 0 }))
        {
            _slots = slots;
            _diagnostics = diagnostics is { Length: > 0 } ? diagnostics : null;
        }

        public override GreenDiagnostic[] Diagnostics => _diagnostics ?? base.Diagnostics;

        public override int SlotCount => _slots.Length;

        public override GreenElement GetSlot(int index) => _slots[index];

        public override IReadOnlyList<GreenElement> Slots => _slots;
    }
}
