using System;
using System.Collections.Generic;
using Wit.Core.Diagnostics;
using Wit.Core.Syntax;
using Wit.Ide.Analysis;

namespace Wit.Ide.Diagnostics;

/// <summary>
/// Every diagnostic of one document: syntax, resolution (from each root that loads the file) and lint, each once,
/// in source order. For a <c>.witx</c> document, its syntax and WITX validation results. At most
/// <see cref="DiagnosticLimit.PerFile"/>, then one that says how many more there are.
/// </summary>
public static class DocumentDiagnostics
{
    public static IReadOnlyList<Diagnostic> For(IdeSnapshot snapshot, string path)
    {
        var result = new List<Diagnostic>();
        var seen = new HashSet<(string Code, int Start, int Length, string Message)>();
        void Add(Diagnostic diagnostic)
        {
            if (diagnostic.Document?.Path != path) return;
            if (seen.Add((diagnostic.Code, diagnostic.Span.Start, diagnostic.Span.Length, diagnostic.Message))) result.Add(diagnostic);
        }

        if (SyntaxTree.LanguageOf(path) == SyntaxLanguage.Witx)
        {
            if (snapshot.WitxAnalysisOf(path) is { } witx)
            {
                foreach (var diagnostic in witx.Tree.Diagnostics) Add(diagnostic.WithDocument(witx.Tree.Text));
                foreach (var diagnostic in witx.Model.Diagnostics) Add(diagnostic);
            }
        }
        else
        {
            var analyses = snapshot.AnalysesOf(path);
            if (analyses.Count == 0 && snapshot.GetDocument(path) is { } document)
            {
                foreach (var diagnostic in document.Tree.Diagnostics) Add(diagnostic.WithDocument(document.Text));
            }

            foreach (var analysis in analyses)
            {
                foreach (var diagnostic in analysis.DiagnosticsIn(path)) Add(diagnostic);
            }
        }

        result.Sort(static (a, b) =>
        {
            int c = a.Span.Start.CompareTo(b.Span.Start);
            if (c == 0) c = string.CompareOrdinal(a.Code, b.Code);
            if (c == 0) c = a.Span.Length.CompareTo(b.Span.Length);
            return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
        });
        return DiagnosticLimit.Cap(result);
    }
}
