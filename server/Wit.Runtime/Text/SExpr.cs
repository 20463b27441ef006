using System.Collections.Generic;

namespace Wit.Runtime.Text;

/// <summary>What an <see cref="SExpr"/> is: a parenthesised list, a string, or any other token (keyword, id, number).</summary>
internal enum SExprKind : byte
{
    List,
    Atom,
    String,
}

/// <summary>
/// One node of the text format's S-expression tree. Atoms are ASCII (the text format's idchars); a string keeps its
/// decoded bytes. <see cref="Offset"/> is the byte offset of the node's first character in the source.
/// </summary>
internal sealed class SExpr
{
    private static readonly List<SExpr> NoItems = new();

    private SExpr(SExprKind kind, int offset, string text, byte[]? bytes, List<SExpr>? items)
    {
        Kind = kind;
        Offset = offset;
        Text = text;
        Bytes = bytes;
        Items = items ?? NoItems;
    }

    public SExprKind Kind { get; }
    public int Offset { get; }

    /// <summary>An atom's text; empty for lists and strings.</summary>
    public string Text { get; }

    /// <summary>A string's decoded bytes; null otherwise.</summary>
    public byte[]? Bytes { get; }

    /// <summary>A list's items; empty otherwise.</summary>
    public List<SExpr> Items { get; }

    public bool IsList => Kind == SExprKind.List;
    public bool IsAtom => Kind == SExprKind.Atom;
    public bool IsId => Kind == SExprKind.Atom && Text.Length > 1 && Text[0] == '$';

    /// <summary>A list's first item's text when it is an atom ("func" for <c>(func ...)</c>), else empty.</summary>
    public string Head => Kind == SExprKind.List && Items.Count > 0 && Items[0].IsAtom ? Items[0].Text : "";

    public static SExpr List(int offset, List<SExpr> items) => new(SExprKind.List, offset, "", null, items);
    public static SExpr Atom(int offset, string text) => new(SExprKind.Atom, offset, text, null, null);
    public static SExpr String(int offset, byte[] bytes) => new(SExprKind.String, offset, "", bytes, null);
}
