using System.Collections;
using System.Collections.Generic;

namespace Wit.Core.Syntax;

/// <summary>
/// The child nodes of a node (tokens skipped), in order; a struct enumerable like <see cref="ChildSyntaxList"/>, so
/// that <c>foreach</c> allocates nothing.
/// </summary>
public readonly struct ChildNodeList : IEnumerable<SyntaxNode>
{
    private readonly SyntaxNode _node;

    internal ChildNodeList(SyntaxNode node)
    {
        _node = node;
    }

    public Enumerator GetEnumerator() => new(_node);

    IEnumerator<SyntaxNode> IEnumerable<SyntaxNode>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Walks the slots, creating (or taking the cached) red node of each node slot only.</summary>
    public struct Enumerator : IEnumerator<SyntaxNode>
    {
        private readonly SyntaxNode _node;
        private int _index;
        private int _offset;
        private SyntaxNode? _current;

        internal Enumerator(SyntaxNode node)
        {
            _node = node;
            _index = -1;
            _offset = node.Position;
            _current = null;
        }

        public readonly SyntaxNode Current => _current!;

        readonly object IEnumerator.Current => _current!;

        public bool MoveNext()
        {
            var green = _node.Green;
            while (true)
            {
                int next = _index + 1;
                if (next >= green.SlotCount)
                {
                    _index = green.SlotCount;
                    return false;
                }

                if (_index >= 0) _offset += green.GetSlot(_index).FullWidth;
                _index = next;
                if (green.GetSlot(next) is GreenNode child)
                {
                    _current = _node.ChildNode(child, _offset, next);
                    return true;
                }
            }
        }

        public void Reset()
        {
            _index = -1;
            _offset = _node.Position;
            _current = null;
        }

        public readonly void Dispose()
        {
        }
    }
}
