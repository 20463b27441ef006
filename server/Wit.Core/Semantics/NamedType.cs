using Wit.Core.Text;

namespace Wit.Core.Semantics;

/// <summary>A record field, a variant case (with an optional payload), a function parameter.</summary>
/// <remarks>
/// 48 bytes: where it is and its docs share one reference, the document, or for the few with docs a small object
/// holding both (a parameter has no docs, and most fields have none; 125,000 of them in a file of 25,000 records and
/// functions).
/// </remarks>
public sealed class NamedType
{
    public NamedType(string name, WitType? type, string? docs = null, SourceLocation? location = null)
        : this(name, type, docs, location?.Document, location?.Span ?? default)
    {
    }

    /// <summary>A named type located at <paramref name="span"/> of <paramref name="document"/>, without a location object to drop.</summary>
    /// <param name="docs">A string, a <see cref="DocsSource"/> read on first use, or null.</param>
    internal NamedType(string name, WitType? type, object? docs, SourceText? document, TextSpan span)
    {
        Name = name;
        _type = new StoredType(type);
        _origin = docs is null ? document : new Documented(document, docs);
        _span = span;
    }

    public string Name { get; }

    public WitType? Type => _type.Value;

    private readonly StoredType _type;

    public string? Docs => DocsSource.Read((_origin as Documented)?.Docs);

    public SourceLocation? Location => (_origin is Documented documented ? documented.Document : _origin as SourceText) is { } document
        ? new SourceLocation(document, _span)
        : null;

    /// <summary>The document (a <see cref="SourceText"/>), or a <see cref="Documented"/> when there are docs.</summary>
    private readonly object? _origin;

    private readonly TextSpan _span;

    public override string ToString() => Type is { } t ? $"{Name}: {t}" : Name;

    private sealed class Documented
    {
        public Documented(SourceText? document, object docs)
        {
            Document = document;
            Docs = docs;
        }

        public SourceText? Document { get; }

        /// <summary>A string or a <see cref="DocsSource"/>.</summary>
        public object Docs { get; }
    }
}
