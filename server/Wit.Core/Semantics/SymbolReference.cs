namespace Wit.Core.Semantics;

/// <summary>
/// A name in the source that refers to a resolved symbol: an <see cref="Interface"/>, <see cref="World"/>,
/// <see cref="TypeDefinition"/> or <see cref="Package"/>. Go-to-definition and find-references read these.
/// </summary>
public sealed class SymbolReference
{
    public SymbolReference(SourceLocation location, object target)
    {
        Location = location;
        Target = target;
    }

    public SourceLocation Location { get; }

    public object Target { get; }

    public override string ToString() => $"{Location} -> {Target}";
}
