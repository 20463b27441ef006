using System.Collections.Generic;
using Wit.Core.Wit.Nodes;

namespace Wit.Core.Semantics;

/// <summary>The names an interface or world body defines: types (declared and used), functions, and gated-out types.</summary>
internal sealed class TypeScope
{
    public TypeScope(Interface? @interface, World? world)
    {
        Interface = @interface;
        World = world;
    }

    public Interface? Interface { get; }

    public World? World { get; }

    public TypeOwner Owner => new(Interface, World);

    public Dictionary<string, TypeDefinition> Types { get; } = new();

    /// <summary>The freestanding functions declared so far (while functions are resolved, in declaration order).</summary>
    public HashSet<string> Functions { get; } = new();

    public HashSet<string> ExcludedTypes { get; } = new();

    /// <summary>Functions whose name an earlier member of the body already declared, with where that name was first declared.</summary>
    public Dictionary<WitNode, SourceLocation?> DuplicateFunctions { get; } = new();

    /// <summary>Every name declared so far (types and functions share one namespace), with where it was declared.</summary>
    public Dictionary<string, SourceLocation?> Declared { get; } = new();
}
