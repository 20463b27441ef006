using System;
using System.Collections.Generic;
using Wit.Core.Diagnostics;
using Wit.Core.Text;

namespace Wit.Cli.Json;

/// <summary>Converts resolution results into the JSON model of <c>wit check</c>.</summary>
public static class CheckReportBuilder
{
    /// <summary>The report of a loaded and resolved package root.</summary>
    public static CheckReport Create(WorkspaceInput input)
    {
        var report = new CheckReport
        {
            Path = input.Path.Replace('\\', '/'),
            FileCount = input.FileCount,
            PackageCount = input.Model.Packages.Count,
            ErrorCount = input.ErrorCount,
            WarningCount = input.WarningCount,
        };
        foreach (var diagnostic in input.Model.Diagnostics) report.Diagnostics.Add(CreateDiagnosticReport(diagnostic));
        return report;
    }

    /// <summary>
    /// The report of given diagnostics: a checked WITX document (no packages), or a linted package root (its resolved
    /// packages, counted as <c>wit check</c> counts them, and the lint results with the resolver's diagnostics).
    /// </summary>
    public static CheckReport Create(string path, IReadOnlyList<Diagnostic> diagnostics, int fileCount, int packageCount = 0)
    {
        var report = new CheckReport
        {
            Path = path.Replace('\\', '/'),
            FileCount = fileCount,
            PackageCount = packageCount,
        };
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error) report.ErrorCount++;
            else if (diagnostic.Severity == DiagnosticSeverity.Warning) report.WarningCount++;
            report.Diagnostics.Add(CreateDiagnosticReport(diagnostic));
        }

        return report;
    }

    /// <summary>One diagnostic, located in its own document when it has one.</summary>
    public static CheckDiagnosticReport CreateDiagnosticReport(Diagnostic diagnostic)
    {
        var report = new CheckDiagnosticReport
        {
            Code = diagnostic.Code,
            Severity = DiagnosticRenderer.SeverityLabel(diagnostic.Severity),
            Message = diagnostic.Message,
        };
        if (diagnostic.Document is { } document)
        {
            var (start, end) = Clamp(diagnostic.Span, document);
            int utf8Start = document.GetUtf8Offset(start);
            report.Path = DiagnosticRenderer.DisplayPath(document);
            report.Start = Position(document, start);
            report.End = Position(document, end);
            report.StartOffset = start;
            report.Length = end - start;
            report.Utf8StartOffset = utf8Start;
            report.Utf8Length = document.GetUtf8Offset(end) - utf8Start;
        }

        if (diagnostic.Related.Count > 0)
        {
            report.Related = new List<RelatedLocationReport>();
            foreach (var related in diagnostic.Related)
            {
                var (start, end) = Clamp(related.Span, related.Document);
                report.Related.Add(new RelatedLocationReport
                {
                    Message = related.Message,
                    Path = DiagnosticRenderer.DisplayPath(related.Document),
                    Start = Position(related.Document, start),
                    End = Position(related.Document, end),
                });
            }
        }

        return report;
    }

    private static (int Start, int End) Clamp(TextSpan span, SourceText document)
    {
        int start = Math.Min(Math.Max(0, span.Start), document.Length);
        int end = Math.Min(Math.Max(start, span.End), document.Length);
        return (start, end);
    }

    private static DisplayPosition Position(SourceText document, int offset)
    {
        var (line, column) = document.GetDisplayLocation(offset);
        return new DisplayPosition { Line = line, Column = column };
    }
}
