using Wit.Core.Text;

namespace Wit.Core.Diagnostics;

/// <summary>A message about a span of one document.</summary>
public sealed class Diagnostic
{
    public Diagnostic(DiagnosticDescriptor descriptor, string message, TextSpan span, DiagnosticSeverity? severity = null)
    {
        Descriptor = descriptor;
        Message = message;
        Span = span;
        Severity = severity ?? descriptor.DefaultSeverity;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public string Code => Descriptor.Code;

    public string Message { get; }

    public TextSpan Span { get; }

    public DiagnosticSeverity Severity { get; }

    public override string ToString() => $"{Code} {Span}: {Message}";
}
