using Wit.Core.Diagnostics;
using Wit.Core.Syntax;
using Wit.Core.Text;

namespace Wit.Cli.Json;

/// <summary>Converts parse results into the JSON model.</summary>
public static class ParseReportBuilder
{
    public static FileReport CreateFileReport(SyntaxTree tree, string displayPath, string? printedTree)
    {
        var report = new FileReport
        {
            Path = displayPath,
            Language = tree.Language == SyntaxLanguage.Witx ? "witx" : "wit",
            Tree = printedTree,
        };
        foreach (var diagnostic in tree.Diagnostics) report.Diagnostics.Add(CreateDiagnosticReport(diagnostic, tree.Text));
        return report;
    }

    public static DiagnosticReport CreateDiagnosticReport(Diagnostic diagnostic, SourceText text)
    {
        int start = System.Math.Min(diagnostic.Span.Start, text.Length);
        int end = System.Math.Min(System.Math.Max(start, diagnostic.Span.End), text.Length);
        var (startLine, startColumn) = text.GetDisplayLocation(start);
        var (endLine, endColumn) = text.GetDisplayLocation(end);
        int utf8Start = text.GetUtf8Offset(start);
        return new DiagnosticReport
        {
            Code = diagnostic.Code,
            Severity = DiagnosticRenderer.SeverityLabel(diagnostic.Severity),
            Message = diagnostic.Message,
            Start = new DisplayPosition { Line = startLine, Column = startColumn },
            End = new DisplayPosition { Line = endLine, Column = endColumn },
            StartOffset = start,
            Length = end - start,
            Utf8StartOffset = utf8Start,
            Utf8Length = text.GetUtf8Offset(end) - utf8Start,
        };
    }
}
