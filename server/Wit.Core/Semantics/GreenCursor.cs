using Wit.Core.Syntax;
using Wit.Core.Text;

namespace Wit.Core.Semantics;

/// <summary>
/// A node read straight from its green node and absolute start, for the resolver's hot paths (type expressions,
/// record fields, parameters): the typed views' accessors without a red node, a view or an iterator each. Resolving a
/// large file made a red node, a view and an iterator per field, parameter and type argument, a third of what resolving
/// allocated. Anything rare (an error's span, a list item without a token before it) goes back to a red node.
/// </summary>
internal readonly struct GreenCursor
{
    public GreenCursor(GreenNode node, int position)
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

    /// <summary>The first child that is a type expression (a type's first argument, a field's or parameter's type).</summary>
    public GreenCursor? FirstType()
    {
        int offset = Position;
        for (int i = 0; i < Node.SlotCount; i++)
        {
            var slot = Node.GetSlot(i);
            if (slot is GreenNode child && IsType(child.Kind)) return new GreenCursor(child, offset);
            offset += slot.FullWidth;
        }

        return null;
    }

    /// <summary>
    /// The span without the first token's leading trivia and the last token's trailing trivia, as
    /// <see cref="SyntaxNode.Span"/> computes it, on a parentless cursor made for it (only an error's location needs it).
    /// </summary>
    public TextSpan Span => new SyntaxNode(null, null, Node, Position, 0).Span;

    /// <summary>
    /// The items of <paramref name="itemKind"/> in the first child of <paramref name="owner"/> of
    /// <paramref name="listKind"/> (what <c>WitNode.ListItems</c> views), as green cursors; a struct enumerable, so a
    /// walk allocates nothing.
    /// </summary>
    public static GreenListItems ListItems(SyntaxNode owner, SyntaxKind listKind, SyntaxKind itemKind) => new(new GreenCursor(owner.Green, owner.Position), owner, listKind, itemKind);

    /// <summary>
    /// <see cref="ListItems(SyntaxNode, SyntaxKind, SyntaxKind)"/> of this node, for a walk that needs no item's red node
    /// (<see cref="GreenListItem.ToRed"/>): a function's parameters, read without a red node for the function.
    /// </summary>
    public GreenListItems ListItems(SyntaxKind listKind, SyntaxKind itemKind) => new(this, null, listKind, itemKind);
}

/// <summary>The items of a list node (<see cref="GreenCursor.ListItems"/>).</summary>
internal readonly struct GreenListItems
{
    private readonly GreenCursor _ownerCursor;
    private readonly SyntaxNode? _owner;
    private readonly SyntaxKind _listKind;
    private readonly SyntaxKind _itemKind;

    /// <param name="ownerCursor">The owner of the list, as a green cursor.</param>
    /// <param name="owner">Its red node, when the items may be asked for theirs.</param>
    public GreenListItems(GreenCursor ownerCursor, SyntaxNode? owner, SyntaxKind listKind, SyntaxKind itemKind)
    {
        _ownerCursor = ownerCursor;
        _owner = owner;
        _listKind = listKind;
        _itemKind = itemKind;
    }

    public Enumerator GetEnumerator() => new(_ownerCursor, _owner, _listKind, _itemKind);

    /// <summary>Walks the list's slots with a running offset.</summary>
    public struct Enumerator
    {
        private readonly SyntaxNode? _owner;
        private readonly SyntaxKind _itemKind;
        private readonly GreenCursor _list;
        private readonly int _listIndex;
        private int _index;
        private int _offset;
        private int _nextOffset;

        public Enumerator(GreenCursor ownerCursor, SyntaxNode? owner, SyntaxKind listKind, SyntaxKind itemKind)
        {
            _owner = owner;
            _itemKind = itemKind;
            _list = default;
            _listIndex = -1;
            _index = -1;
            var green = ownerCursor.Node;
            int offset = ownerCursor.Position;
            for (int i = 0; i < green.SlotCount; i++)
            {
                var slot = green.GetSlot(i);
                if (slot is GreenNode list && list.Kind == listKind)
                {
                    _list = new GreenCursor(list, offset);
                    _listIndex = i;
                    break;
                }

                offset += slot.FullWidth;
            }

            _offset = offset;
            _nextOffset = offset;
        }

        public GreenListItem Current => new(_owner, _list, _listIndex, new GreenCursor((GreenNode)_list.Node.GetSlot(_index), _offset), _index);

        public bool MoveNext()
        {
            if (_listIndex < 0) return false;
            var list = _list.Node;
            while (++_index < list.SlotCount)
            {
                var slot = list.GetSlot(_index);
                _offset = _nextOffset;
                _nextOffset += slot.FullWidth;
                if (slot is GreenNode item && item.Kind == _itemKind) return true;
            }

            return false;
        }
    }
}

/// <summary>An item of a list node (<see cref="GreenCursor.ListItems"/>), with what it takes to make its red node when needed.</summary>
internal readonly struct GreenListItem
{
    private readonly SyntaxNode? _owner;
    private readonly GreenCursor _list;
    private readonly int _listIndex;
    private readonly int _index;

    public GreenListItem(SyntaxNode? owner, GreenCursor list, int listIndex, GreenCursor item, int index)
    {
        _owner = owner;
        _list = list;
        _listIndex = listIndex;
        Item = item;
        _index = index;
    }

    public GreenCursor Item { get; }

    /// <summary>
    /// The token just before the item when it is a token of the list itself (the <c>,</c> or the opening bracket), or
    /// null when another node lies between (then the red tree answers, see <see cref="ToRed"/>).
    /// </summary>
    public GreenToken? PreviousTokenInList()
    {
        for (int i = _index - 1; i >= 0; i--)
        {
            var slot = _list.Node.GetSlot(i);
            if (slot is GreenToken token) return token;
            if (slot is GreenNode node && node.SlotCount > 0) return null;
        }

        return null;
    }

    /// <summary>The item's red node, for what the green cursor does not answer (the list was walked from a red owner).</summary>
    public SyntaxNode ToRed() => ToRed(_owner ?? throw new System.InvalidOperationException("the list was walked without its owner's red node"));

    /// <summary>The item's red node under <paramref name="owner"/>, the red node of the list's owner.</summary>
    public SyntaxNode ToRed(SyntaxNode owner) => owner.ChildNode(_list.Node, _list.Position, _listIndex).ChildNode(Item.Node, Item.Position, _index);
}
