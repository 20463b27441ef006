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
        _message = message;
        Span = span;
        Severity = severity ?? descriptor.DefaultSeverity;
        Document = document;
        Related = related ?? Array.Empty<RelatedLocation>();
    }

    /// <summary>A catalogue factory's message at <paramref name="span"/>.</summary>
    public Diagnostic(DiagnosticMessage message, TextSpan span, DiagnosticSeverity? severity = null, SourceText? document = null,
        IReadOnlyList<RelatedLocation>? related = null)
        : this(message.Descriptor, string.Empty, span, severity, document, related)
    {
        _message = message.Stored;
    }

    private Diagnostic(DiagnosticDescriptor descriptor, object message, TextSpan span, DiagnosticSeverity severity, SourceText? document, IReadOnlyList<RelatedLocation> related)
    {
        Descriptor = descriptor;
        _message = message;
        Span = span;
        Severity = severity;
        Document = document;
        Related = related;
    }

    /// <summary>The message, or the function that writes it when read (see <see cref="DiagnosticMessage"/>).</summary>
    private readonly object _message;

    public DiagnosticDescriptor Descriptor { get; }

    public string Code => Descriptor.Code;

    public string Message => DiagnosticMessage.Write(_message);

    public TextSpan Span { get; }

    public DiagnosticSeverity Severity { get; }

    /// <summary>The document the span refers to, when the diagnostic is not tied to a single tree.</summary>
    public SourceText? Document { get; }

    public IReadOnlyList<RelatedLocation> Related { get; }

    public Diagnostic WithDocument(SourceText document) => new(Descriptor, _message, Span, Severity, document, Related);

    /// <summary>The same diagnostic at another place (its message kept as it is, written or not).</summary>
    internal Diagnostic MovedTo(TextSpan span, SourceText? document, IReadOnlyList<RelatedLocation> related) => new(Descriptor, _message, span, Severity, document, related);

    public override string ToString() => $"{Code} {Span}: {Message}";
}
