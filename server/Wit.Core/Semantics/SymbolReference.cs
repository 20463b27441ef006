namespace Wit.Core.Semantics;

/// <summary>
/// A name in the source that refers to a resolved symbol: an <see cref="Interface"/>, <see cref="World"/>,
/// <see cref="TypeDefinition"/> or <see cref="Package"/>. Go-to-definition and find-references read these.
/// </summary>
public sealed class SymbolReference
{
    public SymbolReference(SourceLocation location, object target)
    {
        _document = location.Document;
        _span = location.Span;
        Target = target;
    }

    /// <summary>Where the name is (made when asked: a document and a span kept inline, see <see cref="StoredLocation"/>).</summary>
    public SourceLocation Location => new(_document, _span);

    private readonly global::Wit.Core.Text.SourceText _document;
    private readonly global::Wit.Core.Text.TextSpan _span;

    public object Target { get; }

    public override string ToString() => $"{Location} -> {Target}";
}
