using System.Collections;
using System.Collections.Generic;

namespace Wit.Core.Syntax;

/// <summary>
/// The child tokens of a node (nodes skipped), in order; a struct enumerable like <see cref="ChildSyntaxList"/>, so
/// that <c>foreach</c> allocates nothing (the typed wrappers look up their tokens through it).
/// </summary>
public readonly struct ChildTokenList : IEnumerable<SyntaxToken>
{
    private readonly SyntaxNode _node;

    internal ChildTokenList(SyntaxNode node)
    {
        _node = node;
    }

    public Enumerator GetEnumerator() => new(_node);

    IEnumerator<SyntaxToken> IEnumerable<SyntaxToken>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Walks the slots, making a token cursor for each token slot only.</summary>
    public struct Enumerator : IEnumerator<SyntaxToken>
    {
        private readonly SyntaxNode _node;
        private int _index;
        private int _offset;
        private SyntaxToken _current;

        internal Enumerator(SyntaxNode node)
        {
            _node = node;
            _index = -1;
            _offset = node.Position;
            _current = default;
        }

        public readonly SyntaxToken Current => _current;

        readonly object IEnumerator.Current => _current;

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
                if (green.GetSlot(next) is GreenToken token)
                {
                    _current = new SyntaxToken(_node, token, _offset, next);
                    return true;
                }
            }
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
