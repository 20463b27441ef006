using System.Collections;
using System.Collections.Generic;

namespace Wit.Core.Syntax;

/// <summary>
/// A token's leading or trailing trivia with absolute positions; a struct enumerable, so that reading a token's
/// comments (docs, suppressions) allocates nothing.
/// </summary>
public readonly struct SyntaxTriviaList : IEnumerable<SyntaxTrivia>
{
    private readonly GreenTrivia[] _trivia;
    private readonly int _position;

    internal SyntaxTriviaList(GreenTrivia[] trivia, int position)
    {
        _trivia = trivia;
        _position = position;
    }

    public int Count => _trivia.Length;

    public Enumerator GetEnumerator() => new(_trivia, _position);

    IEnumerator<SyntaxTrivia> IEnumerable<SyntaxTrivia>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Walks the trivia, each starting where the previous one ends.</summary>
    public struct Enumerator : IEnumerator<SyntaxTrivia>
    {
        private readonly GreenTrivia[] _trivia;
        private readonly int _start;
        private int _index;
        private int _position;

        internal Enumerator(GreenTrivia[] trivia, int position)
        {
            _trivia = trivia;
            _start = position;
            _index = -1;
            _position = position;
        }

        public readonly SyntaxTrivia Current => new(_trivia[_index], _position);

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            int next = _index + 1;
            if (next >= _trivia.Length)
            {
                _index = _trivia.Length;
                return false;
            }

            if (_index >= 0) _position += _trivia[_index].Width;
            _index = next;
            return true;
        }

        public void Reset()
        {
            _index = -1;
            _position = _start;
        }

        public readonly void Dispose()
        {
        }
    }
}
