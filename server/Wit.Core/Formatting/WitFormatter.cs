using System;
using System.Collections.Generic;
using Wit.Core.Syntax;
using Wit.Core.Text;

namespace Wit.Core.Formatting;

/// <summary>
/// Formats WIT documents in the layout wit-component's printer uses (<c>wasm-tools component wit</c>): one member per
/// line, blank lines between items and members, inline spacing such as
/// <c>name: func(a: t) -&gt; r;</c>. Unlike that printer it works on the lossless tree: items keep the order they are
/// written in, every comment is kept, and only whitespace changes (never a token or a comment's text). A top-level
/// item with a syntax error is left exactly as written. The file's dominant line ending (LF or CRLF) is kept, and the
/// result ends with one line break. Indentation keeps the document's own unit (two or four spaces, a tab: see
/// <see cref="DetectIndent"/>; two spaces, the printer's, when nothing is indented) unless <see cref="FormatOptions"/>
/// gives one. Formatting is idempotent (the output's detected unit is the one it was written with) and takes time
/// linear in the document's size.
/// </summary>
public static class WitFormatter
{
    /// <summary>
    /// The formatted text of <paramref name="tree"/>, indented with <paramref name="options"/>' unit (null:
    /// <see cref="FormatOptions.Detect"/>). A WITX tree is returned unchanged: there is no WITX formatter.
    /// </summary>
    public static string Format(SyntaxTree tree, FormatOptions? options = null)
    {
        if (tree is null) throw new ArgumentNullException(nameof(tree));
        if (tree.Language != SyntaxLanguage.Wit) return tree.Text.Text;
        return LayoutWalker.Format(tree.GreenRoot, tree.Text.Text, options).Text;
    }

    /// <summary>Parses <paramref name="text"/> as WIT and formats it.</summary>
    public static string Format(string text, FormatOptions? options = null) => Format(SyntaxTree.ParseWit(text), options);

    /// <summary>
    /// The indentation unit <paramref name="tree"/> uses, or null when it shows none: the indentation more than half of
    /// the lines that start a member of a top-level body (an interface's, world's or nested package's) share, when it
    /// is one tab or 1 to <see cref="FormatOptions.MaxIndentSize"/> spaces. Comments, continuation lines and items with
    /// syntax errors (which the formatter leaves as they are) do not count.
    /// </summary>
    public static string? DetectIndent(SyntaxTree tree)
    {
        if (tree is null) throw new ArgumentNullException(nameof(tree));
        return tree.Language == SyntaxLanguage.Wit ? IndentDetector.Detect(tree.GreenRoot, tree.Text.Text, BrokenItems.Find(tree.GreenRoot)) : null;
    }

    /// <summary>
    /// The edits that format what <paramref name="range"/> touches, for editors: the members of an interface, world,
    /// resource or nested package when the range lies within that body, otherwise whole top-level items (with the
    /// whitespace and comments in front of each). An empty range formats what contains its position. The edits do
    /// not overlap, are in document order, refer to the original text and change only whitespace; applying all of
    /// them gives the same text as <see cref="Format(SyntaxTree)"/> in those places. A WITX tree gives no edits.
    /// </summary>
    public static IReadOnlyList<TextChange> FormatRange(SyntaxTree tree, TextSpan range, FormatOptions? options = null)
    {
        if (tree is null) throw new ArgumentNullException(nameof(tree));
        var changes = new List<TextChange>();
        if (tree.Language != SyntaxLanguage.Wit) return changes;
        string original = tree.Text.Text;
        var result = LayoutWalker.Format(tree.GreenRoot, original, options);
        var regions = result.Regions;
        var children = new List<int>?[regions.Count];
        var topLevel = new List<int>();
        for (int i = 0; i < regions.Count; i++)
        {
            int parent = regions[i].Parent;
            if (parent < 0) topLevel.Add(i);
            else (children[parent] ??= new List<int>()).Add(i);
        }

        var chosen = new List<int>();
        Choose(topLevel, regions, children, range, chosen);
        foreach (int index in chosen)
        {
            var region = regions[index];
            AddMinimalChange(changes, original, region.OriginalStart, region.OriginalEnd, result.Text, region.OutputStart, region.OutputEnd);
        }

        return changes;
    }

    /// <summary>
    /// The regions among <paramref name="candidates"/> that the range touches, each replaced by its touched members
    /// when the range lies within its members. Members nest only as deep as bodies and nested packages do.
    /// </summary>
    private static void Choose(List<int> candidates, IReadOnlyList<FormatRegion> regions, List<int>?[] children, TextSpan range, List<int> chosen)
    {
        foreach (int index in candidates)
        {
            var region = regions[index];
            if (!Touches(region, range)) continue;
            var members = children[index];
            if (members is not null && range.Start >= regions[members[0]].OriginalStart && range.End <= regions[members[members.Count - 1]].OriginalEnd)
            {
                Choose(members, regions, children, range, chosen);
            }
            else
            {
                chosen.Add(index);
            }
        }
    }

    private static bool Touches(FormatRegion region, TextSpan range) => range.IsEmpty
        ? range.Start > region.OriginalStart && range.Start <= region.OriginalEnd || range.Start == 0 && region.OriginalStart == 0
        : range.Start < region.OriginalEnd && range.End > region.OriginalStart;

    /// <summary>Replaces only the differing middle of a region, so that an editor keeps its cursor and marks elsewhere.</summary>
    private static void AddMinimalChange(List<TextChange> changes, string original, int originalStart, int originalEnd, string output, int outputStart, int outputEnd)
    {
        int prefix = 0;
        int maxPrefix = Math.Min(originalEnd - originalStart, outputEnd - outputStart);
        while (prefix < maxPrefix && original[originalStart + prefix] == output[outputStart + prefix]) prefix++;
        if (prefix == originalEnd - originalStart && prefix == outputEnd - outputStart) return;
        int suffix = 0;
        int maxSuffix = maxPrefix - prefix;
        while (suffix < maxSuffix && original[originalEnd - 1 - suffix] == output[outputEnd - 1 - suffix]) suffix++;
        var span = TextSpan.FromBounds(originalStart + prefix, originalEnd - suffix);
        changes.Add(new TextChange(span, output.Substring(outputStart + prefix, outputEnd - suffix - outputStart - prefix)));
    }
}
