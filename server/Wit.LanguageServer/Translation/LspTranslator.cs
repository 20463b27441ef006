using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Text;
using Wit.Ide;
using Wit.Ide.Analysis;
using Wit.Ide.Folding;
using Wit.Protocol.Lsp;
using CoreDiagnostic = Wit.Core.Diagnostics.Diagnostic;
using CoreSeverity = Wit.Core.Diagnostics.DiagnosticSeverity;
using LspDiagnostic = Wit.Protocol.Lsp.Diagnostic;
using LspSeverity = Wit.Protocol.Lsp.DiagnosticSeverity;
using Range = Wit.Protocol.Lsp.Range;

namespace Wit.LanguageServer.Translation;

/// <summary>
/// The one place that converts between the IDE layer's offsets and LSP's line/character positions (UTF-16 code
/// units, the LSP default and the unit of .NET strings), and between IDE results and LSP types.
/// </summary>
internal sealed class LspTranslator
{
    public const string DiagnosticSource = "wit";

    public LspTranslator(DocumentUris uris)
    {
        Uris = uris;
    }

    public DocumentUris Uris { get; }

    /// <summary>The document a request names, from the snapshot; null when it is unknown.</summary>
    public IdeDocument? Document(IdeSnapshot snapshot, string uri) => Uris.ToPath(uri) is { } path ? snapshot.GetDocument(path) : null;

    /// <summary>The document and offset of a position request; null when the document is unknown.</summary>
    public (IdeDocument Document, int Offset)? Locate(IdeSnapshot snapshot, TextDocumentPositionParams parameters) =>
        Document(snapshot, parameters.TextDocument.Uri) is { } document ? (document, ToOffset(document.Text, parameters.Position)) : null;

    public static MarkupContent Markdown(string value) => new() { Kind = "markdown", Value = value };

    public static Position ToPosition(SourceText text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var position = text.Lines.GetLinePosition(offset);
        return new Position { Line = position.Line, Character = position.Character };
    }

    /// <summary>The offset of an LSP position, clamped to the document as LSP specifies.</summary>
    public static int ToOffset(SourceText text, Position position) => text.Lines.GetOffset(new LinePosition(position.Line, position.Character));

    public static Range ToRange(SourceText text, TextSpan span) => new()
    {
        Start = ToPosition(text, span.Start),
        End = ToPosition(text, span.End),
    };

    /// <summary>The span of an LSP range; null when the range is reversed (start after end).</summary>
    public static TextSpan? ToSpan(SourceText text, Range range)
    {
        int start = ToOffset(text, range.Start);
        int end = ToOffset(text, range.End);
        return end < start ? null : TextSpan.FromBounds(start, end);
    }

    /// <summary>A folding range over whole lines; null when it starts and ends on the same line (nothing to fold).</summary>
    public static FoldingRange? ToFoldingRange(SourceText text, FoldingRangeResult range)
    {
        var folding = new FoldingRange
        {
            StartLine = text.Lines.GetLineIndex(range.StartOffset),
            EndLine = text.Lines.GetLineIndex(range.EndOffset),
            Kind = range.Kind switch { FoldingKind.Comment => "comment", FoldingKind.Imports => "imports", _ => "region" },
        };
        return folding.EndLine > folding.StartLine ? folding : null;
    }

    public Location ToLocation(SourceText text, TextSpan span) => new()
    {
        Uri = Uris.ToUri(text.Path ?? string.Empty),
        Range = ToRange(text, span),
    };

    /// <summary>An IDE location as an LSP location, reading the target document's text from the snapshot.</summary>
    public Location? ToLocation(IdeSnapshot snapshot, IdeLocation location) =>
        snapshot.GetDocument(location.Path) is { } document ? ToLocation(document.Text, location.Span) : null;

    public static TextEdit ToTextEdit(SourceText text, IdeTextEdit edit) => new() { Range = ToRange(text, edit.Span), NewText = edit.NewText };

    public WorkspaceEdit ToWorkspaceEdit(IdeSnapshot snapshot, IdeWorkspaceEdit edit)
    {
        var changes = new Dictionary<string, TextEdit[]>(StringComparer.Ordinal);
        foreach (var (path, edits) in edit.Changes)
        {
            if (snapshot.GetDocument(path) is not { } document) continue;
            changes[Uris.ToUri(path)] = edits.Select(e => ToTextEdit(document.Text, e)).ToArray();
        }

        return new WorkspaceEdit { Changes = changes };
    }

    public LspDiagnostic ToDiagnostic(SourceText text, CoreDiagnostic diagnostic)
    {
        var related = diagnostic.Related.Count == 0
            ? null
            : diagnostic.Related.Select(r => new DiagnosticRelatedInformation { Location = ToLocation(r.Document, r.Span), Message = r.Message }).ToArray();
        return new LspDiagnostic
        {
            Range = ToRange(text, diagnostic.Span),
            Severity = ToSeverity(diagnostic.Severity),
            Code = diagnostic.Code,
            CodeDescription = new CodeDescription { Href = Wit.Core.Diagnostics.DiagnosticDocs.HelpUri(diagnostic.Code) },
            Source = DiagnosticSource,
            Message = diagnostic.Message,
            Tags = diagnostic.Code is "WIT2009" ? new[] { DiagnosticTag.Unnecessary } : null,
            RelatedInformation = related,
        };
    }

    public static LspSeverity ToSeverity(CoreSeverity severity) => severity switch
    {
        CoreSeverity.Error => LspSeverity.Error,
        CoreSeverity.Warning => LspSeverity.Warning,
        CoreSeverity.Information => LspSeverity.Information,
        _ => LspSeverity.Hint,
    };
}
