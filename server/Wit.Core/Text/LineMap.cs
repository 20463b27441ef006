using System;
using System.Collections.Generic;

namespace Wit.Core.Text;

/// <summary>
/// The start offset of every line of a text. A line ends at LF, CRLF or a lone CR (as LSP counts lines); the line
/// break belongs to the line it ends.
/// </summary>
public sealed class LineMap
{
    private readonly int[] _lineStarts;
    private readonly byte[] _lineBreakLengths;
    private readonly int _length;

    private LineMap(int[] lineStarts, byte[] lineBreakLengths, int length)
    {
        _lineStarts = lineStarts;
        _lineBreakLengths = lineBreakLengths;
        _length = length;
    }

    public static LineMap Create(string text)
    {
        var starts = new List<int> { 0 };
        var breaks = new List<byte>();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                bool crlf = i + 1 < text.Length && text[i + 1] == '\n';
                if (crlf) i++;
                breaks.Add(crlf ? (byte)2 : (byte)1);
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                breaks.Add(1);
                starts.Add(i + 1);
            }
        }

        breaks.Add(0);
        return new LineMap(starts.ToArray(), breaks.ToArray(), text.Length);
    }

    public int LineCount => _lineStarts.Length;

    public int GetLineStart(int line) => _lineStarts[line];

    /// <summary>The offset just past the line's content, before its line break.</summary>
    public int GetLineContentEnd(string text, int line)
    {
        int end = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : _length;
        while (end > _lineStarts[line] && (text[end - 1] == '\n' || text[end - 1] == '\r')) end--;
        return end;
    }

    /// <summary>The zero-based line that contains <paramref name="offset"/> (an offset equal to the length is on the last line).</summary>
    public int GetLineIndex(int offset)
    {
        if (offset < 0 || offset > _length) throw new ArgumentOutOfRangeException(nameof(offset));
        int index = Array.BinarySearch(_lineStarts, offset);
        return index >= 0 ? index : ~index - 1;
    }

    public LinePosition GetLinePosition(int offset)
    {
        int line = GetLineIndex(offset);
        return new LinePosition(line, offset - _lineStarts[line]);
    }

    /// <summary>
    /// The offset of a line position. A character past the line (its break included) is clamped to the end of the
    /// line's content, as LSP specifies; positions inside a CRLF stay where they are, so every offset round-trips. A
    /// line past the last is the end of the text.
    /// </summary>
    public int GetOffset(LinePosition position)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= _lineStarts.Length) return _length;
        int start = _lineStarts[position.Line];
        int end = position.Line + 1 < _lineStarts.Length ? _lineStarts[position.Line + 1] : _length;
        int character = Math.Max(0, position.Character);
        if (character < end - start) return start + character;   // not start + character < end: that overflows near int.MaxValue
        return end - _lineBreakLengths[position.Line];
    }
}
