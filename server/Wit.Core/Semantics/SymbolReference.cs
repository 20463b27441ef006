namespace Wit.Core.Semantics;

/// <summary>
/// A name in the source that refers to a resolved symbol: an <see cref="Interface"/>, <see cref="World"/>,
/// <see cref="TypeDefinition"/> or <see cref="Package"/>. Go-to-definition and find-references read these. A value
/// (24 bytes in the model's list): a large file's resolve made one object per name it resolved, every one of them kept
/// and marked by each collection after.
/// </summary>
public readonly struct SymbolReference
{
    public SymbolReference(SourceLocation location, object target)
        : this(location.Document, location.Span, target)
    {
    }

    /// <summary>A reference at <paramref name="span"/> of <paramref name="document"/>, without a location object to drop.</summary>
    internal SymbolReference(global::Wit.Core.Text.SourceText document, global::Wit.Core.Text.TextSpan span, object target)
    {
        _document = document;
        _span = span;
        Target = target;
    }

    /// <summary>Where the name is (made when asked: a document and a span kept inline, see <see cref="StoredLocation"/>).</summary>
    public SourceLocation Location => new(_document, _span);

    private readonly global::Wit.Core.Text.SourceText _document;
    private readonly global::Wit.Core.Text.TextSpan _span;

    public object Target { get; }

    public override string ToString() => $"{Location} -> {Target}";
}
