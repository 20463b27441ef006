using System;

namespace Wit.Core.Text;

/// <summary>A range of UTF-16 code units in a text: <see cref="Start"/> inclusive, <see cref="End"/> exclusive.</summary>
public readonly struct TextSpan : IEquatable<TextSpan>
{
    public TextSpan(int start, int length)
    {
        if (start < 0) throw new ArgumentOutOfRangeException(nameof(start));
        if (length < 0) throw new ArgumentOutOfRangeException(nameof(length));
        Start = start;
        Length = length;
    }

    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    public bool IsEmpty => Length == 0;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    /// <summary>True when <paramref name="position"/> lies inside the span (the end excluded).</summary>
    public bool Contains(int position) => position >= Start && position < End;

    /// <summary>True when the two spans share a position or touch (an empty span at a boundary counts).</summary>
    public bool IntersectsWith(TextSpan other) => other.Start <= End && other.End >= Start;

    public bool Equals(TextSpan other) => Start == other.Start && Length == other.Length;

    public override bool Equals(object? obj) => obj is TextSpan other && Equals(other);

    public override int GetHashCode() => unchecked((Start * 397) ^ Length);

    public static bool operator ==(TextSpan left, TextSpan right) => left.Equals(right);

    public static bool operator !=(TextSpan left, TextSpan right) => !left.Equals(right);

    public override string ToString() => $"[{Start}..{End})";
}
