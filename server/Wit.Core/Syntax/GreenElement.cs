using System;
using System.Collections.Generic;
using System.Text;

namespace Wit.Core.Syntax;

/// <summary>
/// An immutable, position-free piece of a syntax tree: a token with its trivia, or a node with children. Green
/// elements know their full width (trivia included) and may be shared between trees.
/// </summary>
public abstract class GreenElement
{
    private protected GreenElement(SyntaxKind kind, int fullWidth, byte flags, byte contentHash)
    {
        Kind = kind;
        FullWidth = fullWidth;
        Flags = flags;
        ContentHash = contentHash;
    }

    /// <summary>Set in <see cref="Flags"/> when this element or a descendant carries a diagnostic.</summary>
    private protected const byte ContainsDiagnosticsFlag = 1;

    /// <summary>Set in <see cref="Flags"/> when this element carries diagnostics of its own.</summary>
    private protected const byte OwnDiagnosticsFlag = 2;

    /// <summary>Set in <see cref="Flags"/> on a missing token.</summary>
    private protected const byte MissingFlag = 4;

    /// <summary>Set in <see cref="Flags"/> on every token: telling a token from a node reads a byte, no type test or virtual call.</summary>
    private protected const byte TokenFlag = 8;

    /// <summary>
    /// Set in a node's <see cref="Flags"/> when it is a <see cref="SyntaxKind.NamedType"/> or has one below (a token
    /// uses this bit for its own trivia): a walk for the type names an item refers to skips the subtrees without any.
    /// </summary>
    private protected const byte ContainsNamedTypeFlag = 16;

    /// <summary>
    /// Set in a node's <see cref="Flags"/> when it is a <see cref="SyntaxKind.UsePath"/> or has one below (a token uses
    /// this bit for its own trivia): the walk for an item's <c>use</c> and <c>include</c> paths skips a body without any.
    /// </summary>
    private protected const byte ContainsUsePathFlag = 32;

    /// <summary>The flags a node takes from this child: whether a diagnostic is here or below, and (from a node) a type name or a path.</summary>
    internal byte InheritedFlags => (byte)(Flags & (IsToken ? ContainsDiagnosticsFlag : ContainsDiagnosticsFlag | ContainsNamedTypeFlag | ContainsUsePathFlag));

    public SyntaxKind Kind { get; }

    /// <summary>
    /// Eight bits of a hash of the text (a token's) or of the children's hashes (a node's), for <see cref="GreenCache"/>'s
    /// node table: a node's key hashes its children's kinds, widths and these, without walking down to their tokens.
    /// It takes the byte the kind, the width and the flags leave free in the object's first word.
    /// </summary>
    internal byte ContentHash { get; }

    /// <summary>Folds a 32-bit hash into <see cref="ContentHash"/>'s eight bits.</summary>
    private protected static byte Fold(uint hash) => (byte)(hash ^ (hash >> 8) ^ (hash >> 16) ^ (hash >> 24));

    /// <summary>Mixes a child into a node's <see cref="ContentHash"/> (order matters: `a, b` and `b, a` differ).</summary>
    private protected static byte Mix(byte hash, GreenElement child) => (byte)((hash * 31) + child.ContentHash + (int)child.Kind);

    public int FullWidth { get; }

    /// <summary>
    /// Facts that would otherwise each take a field in every element (a file's tree is millions of them): they fit in
    /// the bytes the kind and the width leave free in the object's first word.
    /// </summary>
    private protected byte Flags { get; }

    /// <summary>Diagnostics attached to this element itself, offsets relative to its full start.</summary>
    public abstract GreenDiagnostic[] Diagnostics { get; }

    /// <summary>True when this element or any descendant carries a diagnostic.</summary>
    public bool ContainsDiagnostics => (Flags & ContainsDiagnosticsFlag) != 0;

    public bool IsToken => (Flags & TokenFlag) != 0;

    /// <summary>Writes the exact text this element covers, trivia included, without recursion.</summary>
    public void WriteTo(StringBuilder builder)
    {
        var stack = new Stack<GreenElement>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (element is GreenToken token)
            {
                token.WriteTokenTo(builder);
                continue;
            }

            var node = (GreenNode)element;
            for (int i = node.SlotCount - 1; i >= 0; i--) stack.Push(node.GetSlot(i));
        }
    }

    public string ToFullString()
    {
        var builder = new StringBuilder(FullWidth);
        WriteTo(builder);
        return builder.ToString();
    }

    /// <summary>Structural equality (kinds, texts, trivia, diagnostics), compared without recursion.</summary>
    public static bool StructurallyEqual(GreenElement a, GreenElement b)
    {
        var stack = new Stack<(GreenElement, GreenElement)>();
        stack.Push((a, b));
        while (stack.Count > 0)
        {
            var (x, y) = stack.Pop();
            if (ReferenceEquals(x, y)) continue;
            if (x.Kind != y.Kind || x.FullWidth != y.FullWidth || x.IsToken != y.IsToken) return false;
            if (!DiagnosticsEqual(x.Diagnostics, y.Diagnostics)) return false;
            if (x is GreenToken tx)
            {
                var ty = (GreenToken)y;
                if (tx.Text != ty.Text || tx.IsMissing != ty.IsMissing) return false;
                if (!TriviaEqual(tx.LeadingTrivia, ty.LeadingTrivia) || !TriviaEqual(tx.TrailingTrivia, ty.TrailingTrivia)) return false;
                continue;
            }

            var nx = (GreenNode)x;
            var ny = (GreenNode)y;
            if (nx.SlotCount != ny.SlotCount) return false;
            for (int i = 0; i < nx.SlotCount; i++) stack.Push((nx.GetSlot(i), ny.GetSlot(i)));
        }

        return true;
    }

    private static bool TriviaEqual(GreenTrivia[] a, GreenTrivia[] b)
    {
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i].Kind != b[i].Kind || a[i].Text != b[i].Text) return false;
        }

        return true;
    }

    private static bool DiagnosticsEqual(GreenDiagnostic[] a, GreenDiagnostic[] b)
    {
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i].Descriptor != b[i].Descriptor || a[i].Message != b[i].Message || a[i].Offset != b[i].Offset || a[i].Length != b[i].Length) return false;
        }

        return true;
    }
}
