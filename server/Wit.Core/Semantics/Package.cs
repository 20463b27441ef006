namespace Wit.Core.Semantics;

/// <summary>A resolved package: its name and its interfaces and worlds in declaration order.</summary>
public sealed class Package
{
    internal Package(PackageName name)
    {
        Name = name;
    }

    public int Index { get; internal set; } = -1;

    public PackageName Name { get; }

    public NameMap<Interface> Interfaces { get; } = new();

    public NameMap<World> Worlds { get; } = new();

    public string? Docs { get; internal set; }

    public SourceLocation? Location { get; internal set; }

    public override string ToString() => Name.ToString();
}
