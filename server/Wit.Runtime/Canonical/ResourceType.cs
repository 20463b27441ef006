using System;

namespace Wit.Runtime.Canonical;

/// <summary>
/// A resource type at run time (the spec's <c>ResourceType</c>): compared by identity, implemented by one instance,
/// with an optional destructor the instantiation wires to the guest's <c>dtor</c> (called with the rep).
/// </summary>
public sealed class ResourceType
{
    public ResourceType(string name, CanonicalInstance implementation, Action<uint>? destructor = null)
    {
        Name = name;
        Implementation = implementation;
        Destructor = destructor;
    }

    public string Name { get; }

    public CanonicalInstance Implementation { get; }

    public Action<uint>? Destructor { get; }

    public override string ToString() => Name;
}
