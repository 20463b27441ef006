using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Lint;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Core.Wit.Nodes;
using Wit.Ide.Diagnostics;

namespace Wit.Ide.CodeActions;

/// <summary>
/// Organising <c>use</c> lines in each interface and world body: sorted by path, names inside braces sorted, duplicate
/// paths merged, duplicate names and names lint reports unused (WIT2009) removed; and the file's top-level
/// <c>use ... as name;</c> lines: sorted, exact duplicates removed. The k-th <c>use</c> of a body is
/// rewritten in place into the k-th organised one, and surplus ones are deleted with their line, so nothing else moves.
/// </summary>
internal static class UseOrganizer
{
    private sealed record UseEntry(UseItemSyntax Syntax, string Path, List<(string Text, string Sort, int Start)> Names);

    public static CodeActionResult? Organize(CodeActionContext context)
    {
        var unused = UnusedStarts(context);
        var edits = new List<IdeTextEdit>();
        var fixes = new List<Diagnostic>();
        foreach (var body in context.Root.DescendantNodes().Where(n => n.Kind is SyntaxKind.InterfaceBody or SyntaxKind.WorldBody))
        {
            var uses = new List<UseEntry>();
            bool skip = false;
            foreach (var node in body.ChildNodes())
            {
                if (node.Kind != SyntaxKind.UseItem || WitNode.From(node) is not UseItemSyntax use) continue;

                if (!Rewritable(use, use.Path))
                {
                    skip = true;
                    break;
                }

                var names = use.Names.Select(n => (Text: Compact(n.ToString()), Sort: n.Name?.Text ?? string.Empty, Start: (n.Alias ?? n.Name)?.Span.Start ?? -1)).ToList();
                uses.Add(new UseEntry(use, Compact(use.Path!.ToString()), names));
            }

            if (skip || uses.Count == 0) continue;
            var organised = uses.GroupBy(u => u.Path, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g =>
                {
                    var names = g.SelectMany(u => u.Names).Where(n => !unused.ContainsKey(n.Start)).Select(n => n.Text)
                        .Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
                    return names.Count == 0 ? null : $"use {g.Key}.{{{string.Join(", ", names)}}};";
                })
                .Where(text => text is not null).Cast<string>().ToList();

            Rewrite(context, uses.Select(u => (WitNode)u.Syntax).ToList(), organised, edits);
            foreach (var use in uses)
            {
                foreach (var name in use.Names)
                {
                    if (unused.TryGetValue(name.Start, out var diagnostic)) fixes.Add(diagnostic);
                }
            }
        }

        OrganizeTopLevel(context, edits);
        if (edits.Count == 0) return null;
        return new CodeActionResult("Organize `use` lines", CodeActionKinds.OrganizeImports, context.Edit(edits.ToArray()), IsPreferred: false, fixes);
    }

    /// <summary>
    /// The file's top-level <c>use path as name;</c> items: sorted by path and alias, exact duplicates removed, rewritten
    /// in place like the uses of a body. Left alone when any is gated, broken or has comments inside.
    /// </summary>
    private static void OrganizeTopLevel(CodeActionContext context, List<IdeTextEdit> edits)
    {
        var uses = new List<(TopLevelUseSyntax Syntax, string Text, string Path, string Alias)>();
        foreach (var node in context.Root.ChildNodes())
        {
            if (node.Kind != SyntaxKind.TopLevelUse || WitNode.From(node) is not TopLevelUseSyntax use) continue;
            if (!Rewritable(use, use.Path)) return;
            string path = Compact(use.Path!.ToString());
            string alias = use.Alias?.Text ?? string.Empty;
            uses.Add((use, alias.Length == 0 ? $"use {path};" : $"use {path} as {alias};", path, alias));
        }

        var organised = uses.OrderBy(u => u.Path, StringComparer.Ordinal).ThenBy(u => u.Alias, StringComparer.Ordinal)
            .Select(u => u.Text).Distinct(StringComparer.Ordinal).ToList();
        Rewrite(context, uses.Select(u => (WitNode)u.Syntax).ToList(), organised, edits);
    }

    /// <summary>
    /// Gated uses, broken uses and uses with comments inside are left alone: rewriting them could lose text.
    /// </summary>
    private static bool Rewritable(WitNode use, UsePathSyntax? path) =>
        !use.Attributes.Any() && path is not null && !use.Syntax.DescendantNodes().Any(n => n.Kind == SyntaxKind.SkippedTokens)
        && !use.Syntax.DescendantTokens().Any(t => t.IsMissing) && !InnerComments(use.Syntax);

    /// <summary>
    /// Rewrites the k-th use into the k-th organised text (when it differs beyond spacing) and deletes the surplus uses
    /// with their lines, so nothing else moves.
    /// </summary>
    private static void Rewrite(CodeActionContext context, IReadOnlyList<WitNode> uses, IReadOnlyList<string> organised, List<IdeTextEdit> edits)
    {
        for (int i = 0; i < uses.Count; i++)
        {
            var syntax = uses[i];
            if (i < organised.Count)
            {
                if (Squash(syntax.ToString()) != Squash(organised[i])) edits.Add(new IdeTextEdit(syntax.Span, organised[i]));
            }
            else
            {
                edits.Add(new IdeTextEdit(LineOf(context, syntax.Syntax), string.Empty));
            }
        }
    }

    /// <summary>WIT2009: "Remove unused `x`" (the name from its list, or the whole <c>use</c> when it is the only name).</summary>
    public static IEnumerable<CodeActionResult> RemoveUnused(CodeActionContext context, Diagnostic diagnostic)
    {
        if (context.TokenAt(diagnostic.Span) is not { } token) yield break;
        var useName = token.Parent;
        if (useName.Kind != SyntaxKind.UseName || useName.Parent is not { Kind: SyntaxKind.UseNameList } list || list.Parent is not { } useNode) yield break;
        var names = list.ChildNodes().Where(n => n.Kind == SyntaxKind.UseName).ToList();
        int index = names.FindIndex(n => n.Position == useName.Position);
        if (index < 0) yield break;
        IdeTextEdit edit;
        if (names.Count == 1) edit = new IdeTextEdit(LineOf(context, useNode), string.Empty);
        else if (index < names.Count - 1) edit = new IdeTextEdit(TextSpan.FromBounds(useName.Span.Start, names[index + 1].Span.Start), string.Empty);
        else edit = new IdeTextEdit(TextSpan.FromBounds(names[index - 1].Span.End, useName.Span.End), string.Empty);
        yield return context.QuickFix($"Remove unused `{token.Text}`", diagnostic, preferred: true, edit);
    }

    /// <summary>The WIT2009 diagnostics of the document by the start of the name they report.</summary>
    private static Dictionary<int, Diagnostic> UnusedStarts(CodeActionContext context)
    {
        var result = new Dictionary<int, Diagnostic>();
        foreach (var diagnostic in DocumentDiagnostics.For(context.Snapshot, context.Path))
        {
            if (diagnostic.Code == LintDiagnostics.Wit2009.Code) result.TryAdd(diagnostic.Span.Start, diagnostic);
        }

        return result;
    }

    /// <summary>A node's whole line (indentation and line break included) when it is alone on it; else just its span.</summary>
    private static TextSpan LineOf(CodeActionContext context, SyntaxNode node)
    {
        var span = node.Span;
        string text = context.Text;
        int start = span.Start;
        while (start > 0 && text[start - 1] is ' ' or '\t') start--;
        int end = span.End;
        while (end < text.Length && text[end] is ' ' or '\t') end++;
        bool lineStart = start == 0 || text[start - 1] == '\n';
        if (!lineStart) return span;
        if (end < text.Length && text[end] == '\r') end++;
        if (end < text.Length && text[end] == '\n') return TextSpan.FromBounds(start, end + 1);
        return span;
    }

    private static bool InnerComments(SyntaxNode node)
    {
        bool first = true;
        foreach (var token in node.DescendantTokens())
        {
            if (!first && token.LeadingTrivia.Any(t => t.IsComment)) return true;
            first = false;
        }

        return node.DescendantTokens().Reverse().Skip(1).Any(t => t.TrailingTrivia.Any(tr => tr.IsComment));
    }

    /// <summary>A use path or name with its whitespace collapsed (<c>a as b</c> keeps single spaces).</summary>
    private static string Compact(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
