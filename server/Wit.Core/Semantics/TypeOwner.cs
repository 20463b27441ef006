namespace Wit.Core.Semantics;

/// <summary>The interface or world a named type is defined in; both null for anonymous types.</summary>
public readonly struct TypeOwner
{
    public TypeOwner(Interface? @interface, World? world)
    {
        Interface = @interface;
        World = world;
    }

    public Interface? Interface { get; }

    public World? World { get; }

    public bool IsNone => Interface is null && World is null;
}
