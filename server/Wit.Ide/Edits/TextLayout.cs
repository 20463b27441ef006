using System;

namespace Wit.Ide.Edits;

/// <summary>How a document lays out its lines, so that inserted text matches it.</summary>
internal static class TextLayout
{
    /// <summary>The whitespace that starts the line <paramref name="offset"/> is on.</summary>
    public static string IndentOf(string text, int offset)
    {
        int lineStart = offset;
        while (lineStart > 0 && text[lineStart - 1] != '\n') lineStart--;
        int end = lineStart;
        while (end < text.Length && text[end] is ' ' or '\t') end++;
        return text.Substring(lineStart, end - lineStart);
    }

    /// <summary>The line break the document uses.</summary>
    public static string NewLine(string text) => text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
}
