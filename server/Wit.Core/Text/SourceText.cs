using System;
using System.Text;

namespace Wit.Core.Text;

/// <summary>
/// An immutable document: its string, its line map, and conversions between UTF-16 offsets (the unit of every span
/// in this library), UTF-8 byte offsets and the one-based line and column the command line prints.
/// </summary>
public sealed class SourceText
{
    private LineMap? _lines;
    private string? _text;
    private Func<string>? _produce;

    private SourceText(string text, string? path)
    {
        _text = text;
        Length = text.Length;
        Path = path;
    }

    private SourceText(int length, string? path, Func<string> produce)
    {
        Length = length;
        Path = path;
        _produce = produce;
    }

    public static SourceText From(string text, string? path = null) => new(text ?? string.Empty, path);

    /// <summary>
    /// A text of <paramref name="length"/> characters made by <paramref name="produce"/> the first time it is read,
    /// for a document whose string need not stay in memory meanwhile (a parsed file whose tree holds every character:
    /// <see cref="Syntax.SyntaxTree.WithTextFromTree"/>). <paramref name="produce"/> must return the same text each time.
    /// </summary>
    public static SourceText Deferred(int length, string? path, Func<string> produce) => new(length, path, produce ?? throw new ArgumentNullException(nameof(produce)));

    public string Text
    {
        get
        {
            if (_text is { } text) return text;
            text = _produce!();
            if (text.Length != Length) throw new InvalidOperationException($"a deferred text produced {text.Length} characters instead of {Length}");
            // Two threads may produce it at once: both get the first one stored.
            text = System.Threading.Interlocked.CompareExchange(ref _text, text, null) ?? text;
            _produce = null;
            return text;
        }
    }

    /// <summary>Whether the string exists yet (a <see cref="Deferred"/> text is made on first read).</summary>
    internal bool IsMaterialized => _text is not null;

    /// <summary>The file the text came from, for messages; null for an in-memory text.</summary>
    public string? Path { get; }

    public int Length { get; }

    public char this[int index] => Text[index];

    public LineMap Lines => _lines ??= LineMap.Create(Text);

    public string ToString(TextSpan span) => Text.Substring(span.Start, span.Length);

    public override string ToString() => Text;

    /// <summary>Applies one change; the path is kept.</summary>
    public SourceText WithChange(TextChange change)
    {
        if (change.Span.End > Text.Length) throw new ArgumentOutOfRangeException(nameof(change));
        // One copy of each part (no intermediate substrings): on every keystroke this is the largest cost after parsing.
        var builder = new StringBuilder(Text.Length - change.Span.Length + change.NewText.Length);
        builder.Append(Text, 0, change.Span.Start).Append(change.NewText).Append(Text, change.Span.End, Text.Length - change.Span.End);
        return new SourceText(builder.ToString(), Path);
    }

    /// <summary>The UTF-8 byte offset of a UTF-16 offset (a lone surrogate counts as the three bytes of U+FFFD).</summary>
    public int GetUtf8Offset(int offset)
    {
        if (offset < 0 || offset > Text.Length) throw new ArgumentOutOfRangeException(nameof(offset));
        int bytes = 0;
        for (int i = 0; i < offset; i++)
        {
            char c = Text[i];
            if (c < 0x80) bytes += 1;
            else if (c < 0x800) bytes += 2;
            else if (char.IsHighSurrogate(c) && i + 1 < Text.Length && char.IsLowSurrogate(Text[i + 1]))
            {
                if (i + 1 < offset) { bytes += 4; i++; }
                else bytes += 3;
            }
            else bytes += 3;
        }

        return bytes;
    }

    /// <summary>The UTF-16 offset of a UTF-8 byte offset; an offset inside a character maps to that character's start.</summary>
    public int GetOffsetFromUtf8(int utf8Offset)
    {
        int bytes = 0;
        for (int i = 0; i < Text.Length; i++)
        {
            if (bytes >= utf8Offset) return i;
            char c = Text[i];
            int size;
            if (c < 0x80) size = 1;
            else if (c < 0x800) size = 2;
            else if (char.IsHighSurrogate(c) && i + 1 < Text.Length && char.IsLowSurrogate(Text[i + 1])) { size = 4; }
            else size = 3;
            if (bytes + size > utf8Offset) return i;
            bytes += size;
            if (size == 4) i++;
        }

        return Text.Length;
    }

    /// <summary>
    /// The one-based line and one-based column of an offset, the column counted in Unicode scalar values as rustc and
    /// wit-parser print it.
    /// </summary>
    public (int Line, int Column) GetDisplayLocation(int offset)
    {
        var position = Lines.GetLinePosition(offset);
        int start = Lines.GetLineStart(position.Line);
        int column = 1;
        for (int i = start; i < offset; i++)
        {
            if (char.IsHighSurrogate(Text[i]) && i + 1 < offset && char.IsLowSurrogate(Text[i + 1])) i++;
            column++;
        }

        return (position.Line + 1, column);
    }

    /// <summary>The text of a zero-based line without its line break.</summary>
    public string GetLineText(int line)
    {
        int start = Lines.GetLineStart(line);
        return Text.Substring(start, Lines.GetLineContentEnd(Text, line) - start);
    }

    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(Text);
}
