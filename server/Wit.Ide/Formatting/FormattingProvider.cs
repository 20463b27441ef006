using System;
using System.Collections.Generic;
using Wit.Core.Formatting;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Ide.Analysis;

namespace Wit.Ide.Formatting;

/// <summary>
/// Document and range formatting through <see cref="WitFormatter"/>, as minimal edits: the formatter changes only
/// whitespace, so each edit replaces one run of whitespace and never touches a token or a comment (cursor positions
/// and markers elsewhere survive). Already formatted text gives no edits. Items with syntax errors are left as the
/// formatter leaves them: exactly as written. WITX documents give no edits: there is no WITX formatter. The
/// indentation unit is the caller's (an editor's tab size and spaces-or-tabs), or the document's own when none is given.
/// </summary>
public static class FormattingProvider
{
    /// <summary>The edits that turn the document into <see cref="WitFormatter.Format(SyntaxTree, FormatOptions)"/>'s output, in document order.</summary>
    public static IReadOnlyList<IdeTextEdit> Format(IdeSnapshot snapshot, string path, FormatOptions? options = null)
    {
        if (snapshot.GetDocument(path) is not { } document || document.Tree.Language != SyntaxLanguage.Wit) return Array.Empty<IdeTextEdit>();
        string original = document.Text.Text;
        string formatted = WitFormatter.Format(document.Tree, options);
        return Diff(original, formatted);
    }

    /// <summary>
    /// The edits that format what <paramref name="range"/> touches (see <see cref="WitFormatter.FormatRange"/>: the
    /// members of a body when the range lies within it, otherwise whole top-level items), in document order.
    /// </summary>
    public static IReadOnlyList<IdeTextEdit> FormatRange(IdeSnapshot snapshot, string path, TextSpan range, FormatOptions? options = null)
    {
        if (snapshot.GetDocument(path) is not { } document || document.Tree.Language != SyntaxLanguage.Wit) return Array.Empty<IdeTextEdit>();
        string original = document.Text.Text;
        var edits = new List<IdeTextEdit>();
        foreach (var change in WitFormatter.FormatRange(document.Tree, range, options))
        {
            // The formatter's region edits may span several tokens; split them into whitespace-only edits.
            string oldText = original.Substring(change.Span.Start, change.Span.Length);
            foreach (var edit in Diff(oldText, change.NewText)) edits.Add(new IdeTextEdit(new TextSpan(edit.Span.Start + change.Span.Start, edit.Span.Length), edit.NewText));
        }

        return edits;
    }

    /// <summary>
    /// The whitespace edits between two texts that have the same non-whitespace characters in the same order: the
    /// whitespace runs between each pair of matching characters are compared, and each differing run becomes one edit
    /// (trimmed of what the runs share at either end). Should the texts differ in anything else, the rest of the
    /// text is replaced in one edit, so applying the edits still gives <paramref name="formatted"/>.
    /// </summary>
    internal static List<IdeTextEdit> Diff(string original, string formatted)
    {
        var edits = new List<IdeTextEdit>();
        int i = 0, j = 0;
        while (true)
        {
            int runStart = i, formattedStart = j;
            while (i < original.Length && char.IsWhiteSpace(original[i])) i++;
            while (j < formatted.Length && char.IsWhiteSpace(formatted[j])) j++;
            AddRun(edits, original, runStart, i, formatted, formattedStart, j);
            if (i == original.Length && j == formatted.Length) return edits;
            if (i == original.Length || j == formatted.Length || original[i] != formatted[j])
            {
                edits.Add(new IdeTextEdit(TextSpan.FromBounds(i, original.Length), formatted.Substring(j)));
                return edits;
            }

            // Copy the matching non-whitespace characters.
            while (i < original.Length && j < formatted.Length && original[i] == formatted[j] && !char.IsWhiteSpace(original[i]))
            {
                i++;
                j++;
            }
        }
    }

    private static void AddRun(List<IdeTextEdit> edits, string original, int start, int end, string formatted, int formattedStart, int formattedEnd)
    {
        while (start < end && formattedStart < formattedEnd && original[start] == formatted[formattedStart])
        {
            start++;
            formattedStart++;
        }

        while (end > start && formattedEnd > formattedStart && original[end - 1] == formatted[formattedEnd - 1])
        {
            end--;
            formattedEnd--;
        }

        if (start == end && formattedStart == formattedEnd) return;
        edits.Add(new IdeTextEdit(TextSpan.FromBounds(start, end), formatted.Substring(formattedStart, formattedEnd - formattedStart)));
    }
}
