using System;
using System.IO;
using System.Text;
using Wit.Core.Diagnostics;
using Wit.Core.Text;

namespace Wit.Cli;

/// <summary>
/// Prints a diagnostic the way rustc and wit-parser do: a header with the severity, code and message, the location,
/// the source line in a gutter, and a caret under the start of the span followed by dashes for the rest of the span on
/// that line.
/// </summary>
/// <example>
/// <code>
/// error[WIT0001]: expected ':', found '}'
///      --> path/to/file.wit:5:1
///       |
///     5 | }
///       | ^
/// </code>
/// </example>
public static class DiagnosticRenderer
{
    /// <summary>Writes the diagnostic's five lines, each ending with '\n'.</summary>
    public static void Render(Diagnostic diagnostic, SourceText text, string displayPath, TextWriter writer)
    {
        writer.Write(Render(diagnostic, text, displayPath));
    }

    public static string Render(Diagnostic diagnostic, SourceText text, string displayPath)
    {
        int start = Math.Min(Math.Max(0, diagnostic.Span.Start), text.Length);
        int end = Math.Min(Math.Max(start, diagnostic.Span.End), text.Length);
        var (line, column) = text.GetDisplayLocation(start);
        string lineText = text.GetLineText(line - 1);
        int lineStart = text.Lines.GetLineStart(line - 1);
        int spanEndOnLine = Math.Min(end, lineStart + lineText.Length);
        int width = Math.Max(1, CountScalars(text.Text, start, spanEndOnLine));
        int caret = column;
        if (lineText.Length > LongLine)
        {
            // A generated or minified line: the part around the span, not the whole line under the caret's spaces.
            (lineText, caret, width) = Window(text.Text, lineStart, lineStart + lineText.Length, start, spanEndOnLine);
        }

        var builder = new StringBuilder();
        builder.Append(SeverityLabel(diagnostic.Severity)).Append('[').Append(diagnostic.Code).Append("]: ").Append(diagnostic.Message).Append('\n');
        builder.Append("     --> ").Append(displayPath).Append(':').Append(line).Append(':').Append(column).Append('\n');
        builder.Append("      |\n");
        builder.Append(' ').Append(line.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(4)).Append(" | ").Append(lineText).Append('\n');
        builder.Append("      | ").Append(' ', caret - 1).Append('^').Append('-', width - 1).Append('\n');
        return builder.ToString();
    }

    /// <summary>
    /// Above this many characters a source line is shown only around the span (wit-parser prints no line at all past
    /// 500 bytes, only <c>path:line:column: message</c>).
    /// </summary>
    internal const int LongLine = 500;

    /// <summary>How much of a long line is shown on each side of the span.</summary>
    internal const int LongLineContext = 60;

    /// <summary>
    /// The part of the line [<paramref name="lineStart"/>, <paramref name="lineEnd"/>) shown around the span
    /// [<paramref name="start"/>, <paramref name="spanEnd"/>): at most <see cref="LongLineContext"/> characters on each
    /// side and of the span itself, "..." where the line goes on, never splitting a surrogate pair; with the caret's
    /// column in it and the span's width there (in Unicode scalar values).
    /// </summary>
    private static (string Text, int Caret, int Width) Window(string text, int lineStart, int lineEnd, int start, int spanEnd)
    {
        int from = Math.Max(lineStart, start - LongLineContext);
        int shownEnd = Math.Min(spanEnd, start + LongLineContext);
        int to = Math.Min(lineEnd, Math.Max(shownEnd, start + 1) + LongLineContext);
        if (from > lineStart && char.IsLowSurrogate(text[from])) from--;
        if (to < lineEnd && char.IsLowSurrogate(text[to])) to++;
        if (shownEnd < spanEnd && char.IsLowSurrogate(text[shownEnd])) shownEnd++;
        string before = from > lineStart ? "..." : string.Empty;
        string after = to < lineEnd ? "..." : string.Empty;
        int caret = before.Length + CountScalars(text, from, start) + 1;
        return (before + text.Substring(from, to - from) + after, caret, Math.Max(1, CountScalars(text, start, shownEnd)));
    }

    /// <summary>
    /// Renders a diagnostic that names its own document (as resolution diagnostics do) at the document's path, '\'
    /// shown as '/'. Without a document it is the header line alone; with an empty document (a file that could not
    /// be read or is not supported) the header and the path.
    /// </summary>
    public static string Render(Diagnostic diagnostic)
    {
        if (diagnostic.Document is not { } document) return Header(diagnostic) + "\n";
        string displayPath = DisplayPath(document);
        if (document.Length == 0 && diagnostic.Span.Length == 0) return Header(diagnostic) + "\n     --> " + displayPath + "\n";
        return Render(diagnostic, document, displayPath);
    }

    /// <summary>How a document's path is printed: as given, with '/' separators; <c>&lt;unknown&gt;</c> without one.</summary>
    public static string DisplayPath(SourceText document) => document.Path?.Replace('\\', '/') ?? "<unknown>";

    /// <summary>The first line without its newline: <c>error[CODE]: message</c>.</summary>
    public static string Header(Diagnostic diagnostic) => $"{SeverityLabel(diagnostic.Severity)}[{diagnostic.Code}]: {diagnostic.Message}";

    /// <summary>The word that starts a diagnostic's header.</summary>
    public static string SeverityLabel(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Information => "info",
        _ => "hint",
    };

    // Columns count Unicode scalar values, as rustc and wit-parser print them, so a surrogate pair is one column.
    private static int CountScalars(string text, int start, int end)
    {
        int count = 0;
        for (int i = start; i < end; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < end && char.IsLowSurrogate(text[i + 1])) i++;
            count++;
        }

        return count;
    }
}
