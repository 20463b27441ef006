namespace Wit.Core.Semantics;

/// <summary>A record field, a variant case (with an optional payload), a function parameter.</summary>
public sealed class NamedType
{
    public NamedType(string name, WitType? type, string? docs = null, SourceLocation? location = null)
    {
        Name = name;
        Type = type;
        Docs = docs;
        Location = location;
    }

    public string Name { get; }

    public WitType? Type { get; }

    public string? Docs { get; }

    public SourceLocation? Location { get; }

    public override string ToString() => Type is { } t ? $"{Name}: {t}" : Name;
}
