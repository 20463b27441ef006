using Wit.Core.Text;

namespace Wit.Core.Diagnostics;

/// <summary>Another place a diagnostic refers to, with a short note.</summary>
public sealed class RelatedLocation
{
    public RelatedLocation(SourceText document, TextSpan span, string message)
    {
        Document = document;
        Span = span;
        Message = message;
    }

    public SourceText Document { get; }

    public TextSpan Span { get; }

    public string Message { get; }
}
