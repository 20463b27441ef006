using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Lint;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Ide.Analysis;
using Wit.Ide.Edits;

namespace Wit.Ide.CodeActions;

/// <summary>
/// Code actions for WIT documents: quick fixes for the catalogue's diagnostics (unknown names, keywords used as
/// names, names that are not kebab-case, unused <c>use</c>s, names that repeat their resource) and organising the
/// <c>use</c> lines. Every edit touches only the text it changes.
/// </summary>
public static class CodeActionProvider
{
    public static IReadOnlyList<CodeActionResult> Actions(IdeSnapshot snapshot, string path, TextSpan range, IReadOnlyList<Diagnostic> diagnosticsInRange)
    {
        var result = new List<CodeActionResult>();
        if (snapshot.GetDocument(path) is not { } document || document.Language != SyntaxLanguage.Wit) return result;
        var context = new CodeActionContext(snapshot, document);
        foreach (var diagnostic in diagnosticsInRange)
        {
            if (diagnostic.Document is { } source && source.Path != path) continue;
            if (diagnostic.Span.End > document.Text.Text.Length) continue;
            if (diagnostic.Code == Wit.Core.Diagnostics.ResolveDiagnostics.Wit1001.Code) result.AddRange(NameFixes.ForUnknownName(context, diagnostic));
            else if (diagnostic.Code == SyntaxDiagnostics.Wit0001.Code) result.AddRange(NameFixes.EscapeKeyword(context, diagnostic));
            else if (diagnostic.Code == SyntaxDiagnostics.Wit0005.Code) result.AddRange(NameFixes.Kebab(context, diagnostic));
            else if (diagnostic.Code == LintDiagnostics.Wit2009.Code) result.AddRange(UseOrganizer.RemoveUnused(context, diagnostic));
            else if (diagnostic.Code == LintDiagnostics.Wit2010.Code) result.AddRange(NameFixes.Unstutter(context, diagnostic));
        }

        if (UseOrganizer.Organize(context) is { } organize) result.Add(organize);

        // Two diagnostics can propose the same fix (a name reported twice): keep the first.
        return result.GroupBy(a => (a.Title, a.Kind)).Select(g => g.First()).ToList();
    }
}

/// <summary>What every fix needs: the snapshot, the document, its text and helpers to build edits.</summary>
internal sealed class CodeActionContext
{
    public CodeActionContext(IdeSnapshot snapshot, IdeDocument document)
    {
        Snapshot = snapshot;
        Document = document;
        Text = document.Text.Text;
    }

    public IdeSnapshot Snapshot { get; }

    public IdeDocument Document { get; }

    public string Path => Document.Path;

    public string Text { get; }

    public SyntaxNode Root => Document.Tree.Root;

    public IdeWorkspaceEdit Edit(params IdeTextEdit[] edits) =>
        new(new Dictionary<string, IReadOnlyList<IdeTextEdit>> { [Path] = edits.OrderBy(e => e.Span.Start).ToArray() });

    public CodeActionResult QuickFix(string title, Diagnostic diagnostic, bool preferred, params IdeTextEdit[] edits) =>
        new(title, CodeActionKinds.QuickFix, Edit(edits), preferred, new[] { diagnostic });

    /// <summary>The real token that starts at <paramref name="span"/>'s start, or null.</summary>
    public SyntaxToken? TokenAt(TextSpan span)
    {
        if (Root.FindToken(span.Start) is not { } token) return null;
        return token.Span.Start == span.Start && !token.IsMissing ? token : null;
    }

    /// <summary>The whitespace that starts the line <paramref name="offset"/> is on.</summary>
    public string IndentOf(int offset) => TextLayout.IndentOf(Text, offset);

    /// <summary>The line break the document uses.</summary>
    public string NewLine => TextLayout.NewLine(Text);
}
