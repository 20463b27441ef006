using System;
using System.Collections.Generic;

namespace Wit.Core.Syntax;

/// <summary>An interior node: a kind and an ordered list of child tokens and nodes.</summary>
public sealed class GreenNode : GreenElement
{
    private readonly GreenElement[] _slots;
    private readonly bool _containsDiagnostics;

    public GreenNode(SyntaxKind kind, GreenElement[] slots, GreenDiagnostic[]? diagnostics = null)
        : base(kind, SumWidth(slots), diagnostics)
    {
        _slots = slots;
        bool contains = Diagnostics.Length > 0;
        if (!contains)
        {
            foreach (var slot in slots)
            {
                if (slot.ContainsDiagnostics) { contains = true; break; }
            }
        }

        _containsDiagnostics = contains;
    }

    public GreenNode(SyntaxKind kind, List<GreenElement> slots, GreenDiagnostic[]? diagnostics = null)
        : this(kind, slots.ToArray(), diagnostics)
    {
    }

    public int SlotCount => _slots.Length;

    public GreenElement GetSlot(int index) => _slots[index];

    public IReadOnlyList<GreenElement> Slots => _slots;

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
            foreach (var slot in node._slots)
            {
                if (slot is GreenToken || (slot is GreenNode n && n.SlotCount > 0)) { next = slot; break; }
            }

            if (next is null) return null;
            current = next;
        }

        return (GreenToken)current;
    }

    public GreenNode WithDiagnostics(GreenDiagnostic[] diagnostics) => new(Kind, _slots, diagnostics);

    public override string ToString() => $"{Kind} ({FullWidth})";

    private static int SumWidth(GreenElement[] slots)
    {
        int width = 0;
        foreach (var slot in slots) width += slot.FullWidth;
        return width;
    }
}
