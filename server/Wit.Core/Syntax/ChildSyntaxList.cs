using System.Collections;
using System.Collections.Generic;

namespace Wit.Core.Syntax;

/// <summary>
/// The children of a node, tokens included, in order. A struct with a struct enumerator, so that a <c>foreach</c>
/// over a node's children allocates nothing: the resolver walks every node of an edited file on each keystroke, and
/// iterator objects were most of what it allocated. Through <see cref="IEnumerable{T}"/> (LINQ) it boxes as usual.
/// </summary>
public readonly struct ChildSyntaxList : IEnumerable<SyntaxElement>
{
    private readonly SyntaxNode _node;

    internal ChildSyntaxList(SyntaxNode node)
    {
        _node = node;
    }

    public int Count => _node.SlotCount;

    public Enumerator GetEnumerator() => new(_node);

    IEnumerator<SyntaxElement> IEnumerable<SyntaxElement>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Walks the slots, keeping the running offset so each child's position costs one addition.</summary>
    public struct Enumerator : IEnumerator<SyntaxElement>
    {
        private readonly SyntaxNode _node;
        private int _index;
        private int _offset;
        private SyntaxElement _current;

        internal Enumerator(SyntaxNode node)
        {
            _node = node;
            _index = -1;
            _offset = node.Position;
            _current = default;
        }

        public readonly SyntaxElement Current => _current;

        readonly object IEnumerator.Current => _current;

        public bool MoveNext()
        {
            var green = _node.Green;
            int next = _index + 1;
            if (next >= green.SlotCount)
            {
                _index = green.SlotCount;
                return false;
            }

            if (_index >= 0) _offset += green.GetSlot(_index).FullWidth;
            _index = next;
            _current = _node.CreateChild(green.GetSlot(next), _offset, next);
            return true;
        }

        public void Reset()
        {
            _index = -1;
            _offset = _node.Position;
            _current = default;
        }

        public readonly void Dispose()
        {
        }
    }
}
