using System;
using System.Collections.Generic;
using Wit.Core.Text;

namespace Wit.Core.Diagnostics;

/// <summary>
/// A message about a span of one document. Syntax diagnostics come from one tree and leave <see cref="Document"/>
/// null; resolution diagnostics name their document and may point at related places (the other definition, the
/// cycle).
/// </summary>
public sealed class Diagnostic
{
    public Diagnostic(DiagnosticDescriptor descriptor, string message, TextSpan span, DiagnosticSeverity? severity = null,
        SourceText? document = null, IReadOnlyList<RelatedLocation>? related = null)
    {
        Descriptor = descriptor;
        Message = message;
        Span = span;
        Severity = severity ?? descriptor.DefaultSeverity;
        Document = document;
        Related = related ?? Array.Empty<RelatedLocation>();
    }

    /// <summary>A catalogue factory's message at <paramref name="span"/>.</summary>
    public Diagnostic(DiagnosticMessage message, TextSpan span, DiagnosticSeverity? severity = null, SourceText? document = null,
        IReadOnlyList<RelatedLocation>? related = null)
        : this(message.Descriptor, message.Text, span, severity, document, related)
    {
    }

    public DiagnosticDescriptor Descriptor { get; }

    public string Code => Descriptor.Code;

    public string Message { get; }

    public TextSpan Span { get; }

    public DiagnosticSeverity Severity { get; }

    /// <summary>The document the span refers to, when the diagnostic is not tied to a single tree.</summary>
    public SourceText? Document { get; }

    public IReadOnlyList<RelatedLocation> Related { get; }

    public Diagnostic WithDocument(SourceText document) => new(Descriptor, Message, Span, Severity, document, Related);

    public override string ToString() => $"{Code} {Span}: {Message}";
}
