namespace Wit.Core.Semantics;

/// <summary>A record field, a variant case (with an optional payload), a function parameter.</summary>
public sealed class NamedType
{
    public NamedType(string name, WitType? type, string? docs = null, SourceLocation? location = null)
    {
        Name = name;
        _type = new StoredType(type);
        Docs = docs;
        _location = new StoredLocation(location);
    }

    /// <summary>A named type located at <paramref name="span"/> of <paramref name="document"/>, without a location object to drop.</summary>
    internal NamedType(string name, WitType? type, string? docs, global::Wit.Core.Text.SourceText document, global::Wit.Core.Text.TextSpan span)
    {
        Name = name;
        _type = new StoredType(type);
        Docs = docs;
        _location = new StoredLocation(document, span);
    }

    public string Name { get; }

    public WitType? Type => _type.Value;

    private readonly StoredType _type;

    public string? Docs { get; }

    public SourceLocation? Location => _location.Value;

    private readonly StoredLocation _location;

    public override string ToString() => Type is { } t ? $"{Name}: {t}" : Name;
}
