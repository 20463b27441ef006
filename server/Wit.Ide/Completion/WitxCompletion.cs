using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Ide.Analysis;

namespace Wit.Ide.Completion;

/// <summary>
/// Completion in WITX documents: form keywords after <c>(</c> (and the <c>@witx</c> annotation heads after
/// <c>(@witx</c>), and the <c>$name</c>s of the known typenames when the fragment starts with <c>$</c>.
/// </summary>
internal static class WitxCompletion
{
    private static readonly (string Keyword, string Detail)[] FormKeywords =
    {
        ("typename", "(typename $name type)"), ("module", "(module $name ...)"), ("import", "(import \"memory\" (memory))"),
        ("memory", "(memory)"), ("@interface func", "(@interface func (export \"name\") ...)"), ("export", "(export \"name\")"),
        ("param", "(param $name type)"), ("result", "(result $name type)"), ("record", "(record (field ...))"),
        ("field", "(field $name type)"), ("variant", "(variant (case ...))"), ("case", "(case $name type?)"),
        ("enum", "(enum (@witx tag u8) $case ...)"), ("flags", "(flags (@witx repr u32) $flag ...)"), ("handle", "(handle)"),
        ("list", "(list type)"), ("string", "string"), ("char", "char"), ("u8", "u8"), ("u16", "u16"), ("u32", "u32"),
        ("u64", "u64"), ("s8", "s8"), ("s16", "s16"), ("s32", "s32"), ("s64", "s64"), ("f32", "f32"), ("f64", "f64"),
        ("expected", "(expected ok? (error err))"), ("error", "(error type)"), ("union", "(union type ...)"),
        ("tuple", "(tuple type ...)"), ("use", "(use \"file.witx\")"), ("resource", "(resource $name)"), ("@witx", "(@witx ...)"),
        ("func", "(func ...)"),
    };

    private static readonly string[] WitxAnnotationHeads = { "pointer", "const_pointer", "tag", "repr", "bitflags", "noreturn", "const", "usize", "char8" };

    public static CompletionResult? Complete(IdeSnapshot snapshot, IdeDocument document, int offset)
    {
        string text = document.Text.Text;
        if (CompletionProvider.InCommentOrString(document.Tree.Root, offset)) return null;
        int start = offset;
        while (start > 0 && IsWitxNameChar(text[start - 1])) start--;
        int end = offset;
        while (end < text.Length && IsWitxNameChar(text[end])) end++;
        var fragment = TextSpan.FromBounds(start, end);
        var items = new List<CompletionItemResult>();

        int before = start - 1;
        while (before >= 0 && char.IsWhiteSpace(text[before])) before--;
        bool afterWitx = before >= 5 && text.Substring(0, before + 1).EndsWith("(@witx", StringComparison.Ordinal);
        if (start < text.Length && text[start] == '$')
        {
            items.AddRange(Typenames(snapshot, document, fragment));
        }
        else if (start > 0 && text[start - 1] == '(')
        {
            foreach (var (keyword, detail) in FormKeywords)
            {
                items.Add(new CompletionItemResult(keyword, CompletionItemKind.Module, detail, SortText: WitCompletionCatalog.KeywordGroup + keyword));
            }
        }
        else if (afterWitx)
        {
            foreach (var head in WitxAnnotationHeads)
            {
                items.Add(new CompletionItemResult(head, CompletionItemKind.Module, "@witx " + head, SortText: WitCompletionCatalog.KeywordGroup + head));
            }
        }
        else if (start == end && before >= 0 && before < start - 1 && text[before] != '(' && InsideForm(text, start))
        {
            // After whitespace inside a form a type may follow: offer the typenames.
            items.AddRange(Typenames(snapshot, document, fragment));
        }
        else
        {
            return null;
        }

        return new CompletionResult(fragment, items, IsIncomplete: false);
    }

    private static bool IsWitxNameChar(char c) => c is '-' or '_' or '$' or '@' || c < 0x80 && char.IsLetterOrDigit(c);

    /// <summary>True when an unclosed <c>(</c> precedes <paramref name="position"/> (a type may be written there).</summary>
    private static bool InsideForm(string text, int position)
    {
        int depth = 0;
        for (int i = 0; i < position; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth--;
        }

        return depth > 0;
    }

    /// <summary>The typenames of the resolved document (its <c>use</c>d files included), else those declared in its text.</summary>
    private static IEnumerable<CompletionItemResult> Typenames(IdeSnapshot snapshot, IdeDocument document, TextSpan fragment)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (snapshot.WitxAnalysisOf(document.Path) is { } analysis)
        {
            foreach (var typename in analysis.Model.Typenames)
            {
                string label = "$" + typename.Name;
                if (seen.Add(label)) yield return new CompletionItemResult(label, CompletionItemKind.Type, "typename", typename.Docs, SortText: WitCompletionCatalog.LocalGroup + label);
            }
        }

        var tokens = document.Tree.Root.DescendantTokens().ToList();
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Kind != SyntaxKind.WitxKeywordToken || tokens[i].Text != "typename") continue;
            if (tokens[i + 1].Kind != SyntaxKind.WitxIdentifierToken || tokens[i + 1].Text.Length < 2 || tokens[i + 1].Span.IntersectsWith(fragment)) continue;
            string label = tokens[i + 1].Text;
            if (seen.Add(label)) yield return new CompletionItemResult(label, CompletionItemKind.Type, "typename", SortText: WitCompletionCatalog.LocalGroup + label);
        }
    }
}
