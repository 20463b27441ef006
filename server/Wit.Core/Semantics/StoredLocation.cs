using Wit.Core.Text;

namespace Wit.Core.Semantics;

/// <summary>
/// A <see cref="SourceLocation"/> kept inside the model object it belongs to (a document and a span, 16 bytes) rather
/// than as an object of its own (8 bytes for the reference, 32 for the object): a large document's model holds one
/// for nearly every name in it, and they were a tenth of its memory. <see cref="Value"/> makes the location when asked.
/// </summary>
internal readonly struct StoredLocation
{
    private readonly SourceText? _document;
    private readonly TextSpan _span;

    public StoredLocation(SourceLocation? location)
    {
        _document = location?.Document;
        _span = location?.Span ?? default;
    }

    public StoredLocation(SourceText document, TextSpan span)
    {
        _document = document;
        _span = span;
    }

    /// <summary>The span (empty when there is no location).</summary>
    public TextSpan Span => _span;

    public SourceLocation? Value => _document is null ? null : new SourceLocation(_document, _span);
}
