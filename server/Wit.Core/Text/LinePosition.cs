using System;

namespace Wit.Core.Text;

/// <summary>A zero-based line and a zero-based UTF-16 character offset within that line (LSP's default encoding).</summary>
public readonly struct LinePosition : IEquatable<LinePosition>, IComparable<LinePosition>
{
    public LinePosition(int line, int character)
    {
        Line = line;
        Character = character;
    }

    public int Line { get; }

    public int Character { get; }

    public bool Equals(LinePosition other) => Line == other.Line && Character == other.Character;

    public override bool Equals(object? obj) => obj is LinePosition other && Equals(other);

    public override int GetHashCode() => unchecked((Line * 397) ^ Character);

    public int CompareTo(LinePosition other) => Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);

    public override string ToString() => $"{Line}:{Character}";
}
