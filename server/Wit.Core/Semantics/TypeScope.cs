using System.Collections.Generic;

namespace Wit.Core.Semantics;

/// <summary>The names an interface or world body defines: types (declared and used), functions, and gated-out types.</summary>
internal sealed class TypeScope
{
    /// <param name="members">How many members the body has: the name tables are made that large at once (an
    /// interface of 50,000 members grew each of them a dozen times).</param>
    public TypeScope(Interface? @interface, World? world, int members = 0)
    {
        Interface = @interface;
        World = world;
        Types = new Dictionary<string, TypeDefinition>(members);
        Declared = new Dictionary<string, StoredLocation>(members);
    }

    public Interface? Interface { get; }

    public World? World { get; }

    public TypeOwner Owner => new(Interface, World);

    public Dictionary<string, TypeDefinition> Types { get; }

    /// <summary>The freestanding functions declared so far (while functions are resolved, in declaration order).</summary>
    public HashSet<string> Functions { get; } = new();

    public HashSet<string> ExcludedTypes { get; } = new();

    /// <summary>
    /// Functions whose name an earlier member of the body already declared, by the function's position in the file,
    /// with where that name was first declared.
    /// </summary>
    public Dictionary<int, SourceLocation?> DuplicateFunctions { get; } = new();

    /// <summary>
    /// Every name declared so far (types and functions share one namespace), with where it was declared (kept inline:
    /// a body of 50,000 members held as many location objects).
    /// </summary>
    public Dictionary<string, StoredLocation> Declared { get; }
}
