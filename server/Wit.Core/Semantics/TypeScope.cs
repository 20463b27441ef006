using System.Collections.Generic;

namespace Wit.Core.Semantics;

/// <summary>The names an interface or world body defines: types (declared and used), functions, and gated-out types.</summary>
internal sealed class TypeScope
{
    /// <param name="members">How many members the body has: the name tables are made that large at once (an
    /// interface of 50,000 members grew each of them a dozen times).</param>
    /// <param name="members">How many members the body has (its names are declared at once).</param>
    /// <param name="functions">How many of them are functions (the rest are types and <c>use</c>s).</param>
    public TypeScope(Interface? @interface, World? world, int members = 0, int functions = 0)
    {
        Interface = @interface;
        World = world;
        _types = new Dictionary<string, TypeDefinition>(members - functions);
        _declared = new Dictionary<string, Text.TextSpan>(members);
        FunctionCount = functions;
#if NET
        Functions.EnsureCapacity(functions);
#endif
    }

    /// <summary>How many functions the body declares (their list is made that large at once).</summary>
    public int FunctionCount { get; }

    public Interface? Interface { get; }

    public World? World { get; }

    public TypeOwner Owner => new(Interface, World);

    /// <summary>The body's types by name, while they are declared (afterwards <see cref="TryGetType"/> reads the interface's own map).</summary>
    public Dictionary<string, TypeDefinition> Types => _types ?? throw new System.InvalidOperationException("the scope's types were declared already");

    private Dictionary<string, TypeDefinition>? _types;

    private NameMap<TypeDefinition>? _declaredTypes;

    /// <summary>The type named <paramref name="name"/> in the body.</summary>
    public bool TryGetType(string name, out TypeDefinition definition) =>
        _types?.TryGetValue(name, out definition!) ?? _declaredTypes!.TryGetValue(name, out definition);

    /// <summary>
    /// Reads the body's types from <paramref name="types"/>, the interface's map of the same names and definitions, from
    /// now on; the scope's own table goes (an interface of 25,000 types held both until its functions were resolved).
    /// </summary>
    public void UseDeclaredTypes(NameMap<TypeDefinition> types)
    {
        _declaredTypes = types;
        _types = null;
    }

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
    /// a body of 50,000 members held as many location objects), as a span of the body's file (one file per scope).
    /// </summary>
    public Dictionary<string, Text.TextSpan> Declared => _declared ?? throw new System.InvalidOperationException("the scope's names were declared already");

    private Dictionary<string, Text.TextSpan>? _declared;

    /// <summary>Lets go of <see cref="Declared"/> once every name of the body is declared (before its functions are resolved).</summary>
    public void ReleaseDeclarations() => _declared = null;
}
