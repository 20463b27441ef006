using Wit.Core.Text;

namespace Wit.Core.Semantics;

/// <summary>Where a symbol is declared: a document and the span of its name.</summary>
public sealed class SourceLocation
{
    public SourceLocation(SourceText document, TextSpan span)
    {
        Document = document;
        Span = span;
    }

    public SourceText Document { get; }

    public TextSpan Span { get; }

    public string? Path => Document.Path;

    public override string ToString()
    {
        var (line, column) = Document.GetDisplayLocation(Span.Start);
        return $"{Path}:{line}:{column}";
    }
}
