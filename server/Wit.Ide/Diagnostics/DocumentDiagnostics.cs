using System;
using System.Collections.Generic;
using Wit.Core.Diagnostics;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Ide.Analysis;
using Wit.Ide.Configuration;
using Wit.Ide.Workspace;

namespace Wit.Ide.Diagnostics;

/// <summary>
/// Every diagnostic of one document: syntax, resolution (from each root that loads the file) and lint, each once,
/// in source order. For a <c>.witx</c> document, its syntax and WITX validation results; for a <c>.witlint.json</c>,
/// the problem that makes it unusable (<c>WIT2100</c>). At most
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

        if (LintConfiguration.IsConfigurationFile(path))
        {
            // A .witlint.json: what made it unusable, if a root reads it.
            foreach (var problem in snapshot.ConfigurationProblems()) Add(problem);
        }
        else if (SyntaxTree.LanguageOf(path) == SyntaxLanguage.Witx)
        {
            if (snapshot.Open.TryGetValue(path, out var large) && large.Text.Length > IdeWorkspace.MaxAnalyzedLength)
            {
                // Not validated (its analysis reads nothing): its own syntax, and why there is no more.
                foreach (var diagnostic in large.Tree.Diagnostics) Add(diagnostic.WithDocument(large.Text));
                Add(new Diagnostic(ResolveDiagnostics.TooLargeForAnalysis(large.Text.Length, IdeWorkspace.MaxAnalyzedLength), new TextSpan(0, 0), document: large.Text));
            }
            else if (snapshot.WitxAnalysisOf(path) is { } witx)
            {
                foreach (var diagnostic in witx.Tree.Diagnostics) Add(diagnostic.WithDocument(witx.Tree.Text));
                foreach (var diagnostic in witx.Model.Diagnostics) Add(diagnostic);
            }
        }
        else
        {
            var analyses = snapshot.AnalysesOf(path);
            if (analyses.Count == 0)
            {
                if (snapshot.GetDocument(path) is { } document)
                {
                    foreach (var diagnostic in document.Tree.Diagnostics) Add(diagnostic.WithDocument(document.Text));
                }

                // A file its root could not load (WIT1017: over a size limit) gets what the loader said about it.
                foreach (var analysis in snapshot.AnalysesCovering(path))
                {
                    foreach (var diagnostic in analysis.DiagnosticsIn(path)) Add(diagnostic);
                }
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
