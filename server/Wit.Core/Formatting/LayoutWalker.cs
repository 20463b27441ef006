using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Formatting;

/// <summary>
/// Walks a WIT document and tells the <see cref="FormatWriter"/> where lines break: top-level items and body members
/// each start a line; between two of them on lines of their own the author's choice of none or one blank line stays,
/// and between two the author wrote on one line the blank lines follow wit-component's printer (between items and
/// members, but not between consecutive <c>use</c>s, imports, exports or includes, nor between resource members);
/// record, flags, variant and enum cases go one per line, attributes sit on their own line. Everything else is spaced inline by
/// <see cref="FormatWriter.Inline"/>. A top-level item with a syntax error is written exactly as it is.
/// </summary>
/// <remarks>
/// The walk recurses on the tree, which is bounded by the parser: packages and types nest at most 100 deep (deeper
/// input is skipped flat and so makes its item broken), and every other construct nests a fixed number of levels.
/// </remarks>
internal sealed class LayoutWalker
{
    private readonly FormatWriter _writer;
    private readonly List<FormatRegion> _regions = new();
    private readonly Stack<int> _openRegions = new();

    private LayoutWalker(FormatWriter writer) => _writer = writer;

    /// <summary>Formats a WIT document's tree, indenting with <paramref name="options"/>' unit or the document's own.</summary>
    public static FormatResult Format(GreenNode root, string text, FormatOptions? options)
    {
        var broken = BrokenItems.Find(root);
        string unit = options?.IndentUnit ?? IndentDetector.Detect(root, text, broken) ?? FormatOptions.DefaultIndentUnit;
        var writer = new FormatWriter(text.Length, DominantEndOfLine(text), unit);
        if (text.Length > 0 && text[0] == '\uFEFF') writer.WriteByteOrderMark();
        var walker = new LayoutWalker(writer);
        walker.WalkDocument(root, broken);
        return new FormatResult(writer.ToString(), walker._regions);
    }

    /// <summary>CRLF when the text has more CRLF line breaks than bare LF ones, LF otherwise.</summary>
    internal static string DominantEndOfLine(string text)
    {
        int crlf = 0, lf = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            if (i > 0 && text[i - 1] == '\r') crlf++;
            else lf++;
        }

        return crlf > lf ? "\r\n" : "\n";
    }

    private void WalkDocument(GreenNode root, bool[] broken)
    {
        int itemCount = root.SlotCount - 1;
        GreenNode? previous = null;
        for (int i = 0; i < itemCount; i++)
        {
            var item = (GreenNode)root.GetSlot(i);
            BeginRegion();
            var separator = previous is null ? Separator.Member(0, 0)
                : previous.Kind == SyntaxKind.PackageDeclaration ? Separator.AfterPackageDeclaration()
                : Separator.NextMember(0, ItemBlankLines(previous, item));
            if (broken[i])
            {
                _writer.WriteVerbatim(item, separator);
            }
            else
            {
                _writer.SetPending(separator);
                Walk(item, 0);
            }

            EndRegion();
            previous = item;
        }

        BeginRegion();
        _writer.Finish((GreenToken)root.GetSlot(itemCount));
        EndRegion();
    }

    private void Walk(GreenNode node, int depth)
    {
        switch (node.Kind)
        {
            case SyntaxKind.InterfaceBody:
            case SyntaxKind.WorldBody:
            case SyntaxKind.ResourceBody:
                WalkBody(node, depth);
                return;
            case SyntaxKind.NestedPackage:
                WalkNestedPackage(node, depth);
                return;
            case SyntaxKind.RecordFieldList:
            case SyntaxKind.FlagsMemberList:
            case SyntaxKind.VariantCaseList:
            case SyntaxKind.EnumCaseList:
                WalkBlockList(node, depth);
                return;
            case SyntaxKind.ParameterList:
            case SyntaxKind.UseNameList:
            case SyntaxKind.IncludeNameList:
                WalkInlineList(node, depth);
                return;
        }

        // Package names, paths and versions are written without spaces: `a:b/c@1.0.0`.
        bool tight = node.Kind is SyntaxKind.PackageName or SyntaxKind.UsePath or SyntaxKind.Version;
        for (int i = 0; i < node.SlotCount; i++)
        {
            if (i > 0)
            {
                if (tight) _writer.SetPending(Separator.None);
                else if (node.GetSlot(i - 1).Kind == SyntaxKind.Attribute) _writer.SetPending(Separator.Member(depth, 0));
            }

            Emit(node.GetSlot(i), depth);
        }
    }

    private void Emit(GreenElement element, int depth)
    {
        if (element is GreenToken token) _writer.WriteToken(token);
        else Walk((GreenNode)element, depth);
    }

    /// <summary>
    /// <c>{</c>, one member per line one level deeper, <c>}</c> on its own line (so an empty body is <c>{</c> and
    /// <c>}</c> on two lines, as the printer writes an empty interface or world), except an empty resource body the
    /// author wrote on one line: <c>resource r {}</c> stays (the printer writes <c>resource r;</c>, which is not a
    /// whitespace change).
    /// </summary>
    private void WalkBody(GreenNode body, int depth)
    {
        Emit(body.GetSlot(0), depth);
        if (body.Kind == SyntaxKind.ResourceBody && IsEmptyOnOneLine(body))
        {
            _writer.SetPending(Separator.None);
            Emit(body.GetSlot(1), depth);
            return;
        }

        GreenNode? previous = null;
        for (int i = 1; i < body.SlotCount - 1; i++)
        {
            var member = (GreenNode)body.GetSlot(i);
            BeginRegion();
            _writer.SetPending(previous is null ? Separator.Member(depth + 1, 0) : Separator.NextMember(depth + 1, MemberBlankLines(body.Kind, previous, member)));
            Walk(member, depth + 1);
            EndRegion();
            previous = member;
        }

        _writer.SetPending(Separator.Closing(depth));
        Emit(body.GetSlot(body.SlotCount - 1), depth);
    }

    /// <summary><c>package a:b {</c>, its items one level deeper with the top level's blank lines, <c>}</c>.</summary>
    private void WalkNestedPackage(GreenNode package, int depth)
    {
        int open = 0;
        while (open < package.SlotCount && package.GetSlot(open).Kind != SyntaxKind.OpenBraceToken) open++;
        for (int i = 0; i <= open && i < package.SlotCount; i++) Emit(package.GetSlot(i), depth);
        GreenNode? previous = null;
        for (int i = open + 1; i < package.SlotCount - 1; i++)
        {
            var item = (GreenNode)package.GetSlot(i);
            BeginRegion();
            _writer.SetPending(previous is null ? Separator.Member(depth + 1, 0) : Separator.NextMember(depth + 1, ItemBlankLines(previous, item)));
            Walk(item, depth + 1);
            EndRegion();
            previous = item;
        }

        _writer.SetPending(Separator.Closing(depth));
        Emit(package.GetSlot(package.SlotCount - 1), depth);
    }

    /// <summary>Record fields, flags, variant and enum cases: one per line, each comma right after its case.</summary>
    private void WalkBlockList(GreenNode list, int depth)
    {
        Emit(list.GetSlot(0), depth);
        for (int i = 1; i < list.SlotCount - 1; i++)
        {
            var slot = list.GetSlot(i);
            _writer.SetPending(slot.Kind == SyntaxKind.CommaToken ? Separator.None : i == 1 ? Separator.Member(depth + 1, 0) : Separator.NextMember(depth + 1, 0));
            Emit(slot, depth + 1);
        }

        _writer.SetPending(Separator.Closing(depth));
        Emit(list.GetSlot(list.SlotCount - 1), depth);
    }

    /// <summary>
    /// Parameters, <c>use</c> names and <c>include ... with</c> names on one line: <c>(a: u32, b: u32)</c>,
    /// <c>.{a, b as c}</c>, <c>with { a as b }</c>. A line comment inside the list puts every element on its own
    /// line instead, since the comment has to end its line anyway; so does a line break the author put right after a
    /// parameter list's <c>(</c> (WASI's style for long signatures), which the output keeps, so it stays that way.
    /// </summary>
    private void WalkInlineList(GreenNode list, int depth)
    {
        bool exploded = ContainsLineCommentInside(list) || (list.Kind == SyntaxKind.ParameterList && BreaksAfterOpening(list));
        bool spaced = list.Kind == SyntaxKind.IncludeNameList;
        int last = list.SlotCount - 1;
        Emit(list.GetSlot(0), depth);
        for (int i = 1; i < last; i++)
        {
            var slot = list.GetSlot(i);
            if (slot.Kind == SyntaxKind.CommaToken) _writer.SetPending(Separator.None);
            else if (exploded) _writer.SetPending(Separator.Member(depth + 1, 0));
            else _writer.SetPending(i == 1 && !spaced ? Separator.None : Separator.Space);
            Emit(slot, exploded ? depth + 1 : depth);
        }

        if (exploded) _writer.SetPending(Separator.Closing(depth));
        else _writer.SetPending(spaced && last > 1 ? Separator.Space : Separator.None);
        Emit(list.GetSlot(last), depth);
    }

    /// <summary>Top-level and nested-package items: a blank line between them, none between consecutive <c>use</c>s.</summary>
    private static int ItemBlankLines(GreenNode previous, GreenNode current) =>
        previous.Kind == SyntaxKind.TopLevelUse && current.Kind == SyntaxKind.TopLevelUse ? 0 : 1;

    /// <summary>
    /// Body members: wit-component's printer puts a blank line between interface members and between world items,
    /// except within a run of <c>use</c>s, of imports or of exports (and we add: of includes); resource members have
    /// none.
    /// </summary>
    private static int MemberBlankLines(SyntaxKind body, GreenNode previous, GreenNode current)
    {
        if (body == SyntaxKind.ResourceBody) return 0;
        if (previous.Kind == current.Kind && current.Kind is SyntaxKind.UseItem or SyntaxKind.ImportItem
            or SyntaxKind.ExportItem or SyntaxKind.IncludeItem) return 0;
        return 1;
    }

    private void BeginRegion()
    {
        int parent = _openRegions.Count > 0 ? _openRegions.Peek() : -1;
        _openRegions.Push(_regions.Count);
        _regions.Add(new FormatRegion(parent, _writer.OriginalCut, _writer.OutputCut));
    }

    private void EndRegion()
    {
        var region = _regions[_openRegions.Pop()];
        region.OriginalEnd = _writer.OriginalCut;
        region.OutputEnd = _writer.OutputCut;
    }

    /// <summary>
    /// Whether a line comment sits between the first and the last token of <paramref name="list"/> (in the trailing
    /// trivia of any token but the last, or the leading trivia of any token but the first).
    /// </summary>
    private static bool ContainsLineCommentInside(GreenNode list)
    {
        var tokens = new List<GreenToken>();
        var stack = new Stack<GreenElement>();
        stack.Push(list);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (element is GreenToken token)
            {
                tokens.Add(token);
                continue;
            }

            var node = (GreenNode)element;
            for (int i = node.SlotCount - 1; i >= 0; i--) stack.Push(node.GetSlot(i));
        }

        for (int i = 0; i < tokens.Count; i++)
        {
            if (i > 0 && HasLineComment(tokens[i].LeadingTrivia)) return true;
            if (i < tokens.Count - 1 && HasLineComment(tokens[i].TrailingTrivia)) return true;
        }

        return false;
    }

    /// <summary>Whether a body is only its braces, with nothing but spaces between them (no line break, no comment).</summary>
    private static bool IsEmptyOnOneLine(GreenNode body) =>
        body.SlotCount == 2 && body.GetSlot(0) is GreenToken open && body.GetSlot(1) is GreenToken close
        && OnlyWhitespace(open.TrailingTrivia) && OnlyWhitespace(close.LeadingTrivia);

    private static bool OnlyWhitespace(GreenTrivia[] trivia)
    {
        foreach (var t in trivia)
        {
            if (t.Kind != SyntaxKind.WhitespaceTrivia) return false;
        }

        return true;
    }

    /// <summary>Whether a line break follows the list's opening token, before its first element (an empty list: none).</summary>
    private static bool BreaksAfterOpening(GreenNode list)
    {
        if (list.SlotCount < 3 || list.GetSlot(0) is not GreenToken open) return false;
        if (HasLineBreak(open.TrailingTrivia)) return true;
        var element = list.GetSlot(1);
        while (element is GreenNode node && node.SlotCount > 0) element = node.GetSlot(0);
        return element is GreenToken first && HasLineBreak(first.LeadingTrivia);
    }

    private static bool HasLineBreak(GreenTrivia[] trivia)
    {
        foreach (var t in trivia)
        {
            if (t.Kind == SyntaxKind.EndOfLineTrivia) return true;
        }

        return false;
    }

    private static bool HasLineComment(GreenTrivia[] trivia)
    {
        foreach (var t in trivia)
        {
            if (t.Kind is SyntaxKind.LineCommentTrivia or SyntaxKind.DocLineCommentTrivia) return true;
        }

        return false;
    }
}
