using System;
using System.Collections.Generic;
using Wit.Core.Diagnostics;
using Wit.Core.Text;
using Wit.Core.Wit;
using Wit.Core.Witx;

namespace Wit.Core.Syntax;

/// <summary>
/// A parsed document: its text, its lossless green root and the diagnostics stored in it. Parsing never throws and
/// never stops early. <see cref="WithChange"/> reparses incrementally, reusing the green nodes of untouched
/// top-level items.
/// </summary>
public sealed class SyntaxTree
{
    private SyntaxNode? _root;
    private IReadOnlyList<Diagnostic>? _diagnostics;

    private SyntaxTree(SourceText text, SyntaxLanguage language, GreenNode greenRoot)
    {
        Text = text;
        Language = language;
        GreenRoot = greenRoot;
    }

    public SourceText Text { get; }

    public SyntaxLanguage Language { get; }

    public GreenNode GreenRoot { get; }

    public SyntaxNode Root => _root ??= new SyntaxNode(this, null, GreenRoot, 0, 0);

    /// <summary>Every syntax diagnostic of the document, ordered by position.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics ??= CollectDiagnostics(GreenRoot);

    /// <summary>Parses by file extension: <c>.witx</c> as WITX, anything else as WIT.</summary>
    public static SyntaxTree Parse(SourceText text) => LanguageOf(text.Path) == SyntaxLanguage.Witx ? ParseWitx(text) : ParseWit(text);

    public static SyntaxTree ParseWit(SourceText text)
    {
        GreenNode root;
        using (GreenCache.Lease()) root = WitParser.ParseDocument(text.Text);
        return new(text, SyntaxLanguage.Wit, root);
    }

    public static SyntaxTree ParseWit(string text) => ParseWit(SourceText.From(text));

    public static SyntaxTree ParseWitx(SourceText text) => new(text, SyntaxLanguage.Witx, WitxParser.ParseDocument(text.Text));

    public static SyntaxTree ParseWitx(string text) => ParseWitx(SourceText.From(text));

    public static SyntaxLanguage LanguageOf(string? path) =>
        path is not null && path.EndsWith(".witx", StringComparison.OrdinalIgnoreCase) ? SyntaxLanguage.Witx : SyntaxLanguage.Wit;

    /// <summary>
    /// The tree of the text after <paramref name="change"/>. Only the top-level items the change touches (and the one
    /// before them, whose end may depend on what follows) are relexed and reparsed; the others keep their green nodes.
    /// </summary>
    public SyntaxTree WithChange(TextChange change)
    {
        var newText = Text.WithChange(change);
        GreenNode green;
        using (GreenCache.Lease())
        {
            green = Language == SyntaxLanguage.Witx
                ? WitxParser.Reparse(GreenRoot, newText.Text, change)
                : WitParser.Reparse(GreenRoot, newText.Text, change);
        }

        return new SyntaxTree(newText, Language, green);
    }

    /// <summary>Applies changes one after another; each change's span refers to the text left by the previous one.</summary>
    public SyntaxTree WithChanges(IEnumerable<TextChange> changes)
    {
        var tree = this;
        foreach (var change in changes) tree = tree.WithChange(change);
        return tree;
    }

    public string ToFullString() => GreenRoot.ToFullString();

    /// <summary>
    /// This tree with a text rebuilt from its green nodes the first time something reads it (they hold every
    /// character), so that the string it was parsed from can be collected: a batch check of a large file then holds
    /// the tree and the model, not a UTF-16 copy of the source as well, and reads the text back only to show a
    /// diagnostic. Spans, positions and diagnostics are those of this tree.
    /// </summary>
    public SyntaxTree WithTextFromTree()
    {
        var green = GreenRoot;
        if (green.FullWidth != Text.Length) return this;   // never for a parse (the tree is lossless); kept as it is otherwise
        var tree = new SyntaxTree(SourceText.Deferred(Text.Length, Text.Path, green.ToFullString), Language, green);
        tree._diagnostics = _diagnostics;
        return tree;
    }

    private static IReadOnlyList<Diagnostic> CollectDiagnostics(GreenNode root)
    {
        var result = new List<Diagnostic>();
        var fromTokens = new List<bool>();
        if (!root.ContainsDiagnostics) return result;
        var stack = new Stack<(GreenElement Element, int Position)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (element, position) = stack.Pop();
            foreach (var d in element.Diagnostics)
            {
                result.Add(new Diagnostic(d.Descriptor, d.Message, new TextSpan(Math.Max(0, position + d.Offset), d.Length)));
                fromTokens.Add(element is GreenToken);
            }

            if (element is GreenNode node)
            {
                int offset = position + node.FullWidth;
                for (int i = node.SlotCount - 1; i >= 0; i--)
                {
                    var slot = node.GetSlot(i);
                    offset -= slot.FullWidth;
                    if (slot.ContainsDiagnostics) stack.Push((slot, offset));
                }
            }
        }

        // The order is wit-parser's: it checks the whole text for forbidden characters before lexing, so those
        // come first; then by position, the lexer's error (on a token) before the parser's at the same place. A
        // stable sort keeps the order in which diagnostics at the same position were reported.
        var ordered = new List<Diagnostic>(result.Count);
        var indexed = new List<(Diagnostic D, int Rank, int I)>(result.Count);
        for (int i = 0; i < result.Count; i++)
        {
            int rank = result[i].Descriptor == SyntaxDiagnostics.Wit0009 ? 0 : fromTokens[i] ? 1 : 2;
            indexed.Add((result[i], rank, i));
        }

        indexed.Sort((a, b) =>
        {
            if (a.Rank == 0 != (b.Rank == 0)) return a.Rank == 0 ? -1 : 1;
            if (a.D.Span.Start != b.D.Span.Start) return a.D.Span.Start.CompareTo(b.D.Span.Start);
            return a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : a.I.CompareTo(b.I);
        });
        foreach (var (d, _, _) in indexed) ordered.Add(d);
        return ordered;
    }
}
