using Wit.Core.Syntax;
using Wit.Core.Text;

namespace Wit.Core.Semantics;

/// <summary>
/// A type expression read straight from its green node and absolute start (<c>TypeSyntax</c>'s accessors without a red
/// node or a typed view): resolving a large file's fields and parameters made a red node, a view and an iterator per
/// type argument, a quarter of what resolving allocated.
/// </summary>
internal readonly struct GreenType
{
    public GreenType(GreenNode node, int position)
    {
        Node = node;
        Position = position;
    }

    public GreenNode Node { get; }

    /// <summary>The full start of the node, leading trivia included.</summary>
    public int Position { get; }

    public SyntaxKind Kind => Node.Kind;

    /// <summary>Whether a node of <paramref name="kind"/> is a type expression (the kinds <c>TypeSyntax</c> views).</summary>
    public static bool IsType(SyntaxKind kind) => kind is SyntaxKind.PrimitiveType or SyntaxKind.NamedType or SyntaxKind.ListType
        or SyntaxKind.OptionType or SyntaxKind.ResultType or SyntaxKind.TupleType or SyntaxKind.MapType or SyntaxKind.BorrowType
        or SyntaxKind.OwnType or SyntaxKind.FutureType or SyntaxKind.StreamType or SyntaxKind.ErrorContextType;

    /// <summary>The first child token of <paramref name="kind"/> that is not missing, with the start of its text.</summary>
    public bool TryGetToken(SyntaxKind kind, out GreenToken token, out int start)
    {
        int offset = Position;
        for (int i = 0; i < Node.SlotCount; i++)
        {
            var slot = Node.GetSlot(i);
            if (slot is GreenToken t && t.Kind == kind && !t.IsMissing)
            {
                token = t;
                start = offset + t.LeadingWidth;
                return true;
            }

            offset += slot.FullWidth;
        }

        token = null!;
        start = 0;
        return false;
    }

    /// <summary>The name of a named type (<c>TypeSyntax.Name</c>), with the start of its text.</summary>
    public bool TryGetName(out GreenToken token, out int start)
    {
        if (Kind == SyntaxKind.NamedType) return TryGetToken(SyntaxKind.IdentifierToken, out token, out start);
        token = null!;
        start = 0;
        return false;
    }

    /// <summary>The first type argument, if any.</summary>
    public GreenType? FirstArgument()
    {
        int offset = Position;
        for (int i = 0; i < Node.SlotCount; i++)
        {
            var slot = Node.GetSlot(i);
            if (slot is GreenNode child && IsType(child.Kind)) return new GreenType(child, offset);
            offset += slot.FullWidth;
        }

        return null;
    }

    /// <summary>
    /// The span without the first token's leading trivia and the last token's trailing trivia, as
    /// <see cref="SyntaxNode.Span"/> computes it, on a parentless cursor made for it (only an error's location needs it).
    /// </summary>
    public TextSpan Span => new SyntaxNode(null, null, Node, Position, 0).Span;
}
