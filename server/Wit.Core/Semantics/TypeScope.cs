using System.Collections.Generic;

namespace Wit.Core.Semantics;

/// <summary>The names an interface or world body defines: types (declared and used), functions, and gated-out types.</summary>
internal sealed class TypeScope
{
    /// <param name="members">How many members the body has (its names are declared at once, and an interface's map of
    /// types is made that large: an interface of 50,000 members grew each of its tables a dozen times).</param>
    /// <param name="functions">How many of them are functions (the rest are types and <c>use</c>s).</param>
    public TypeScope(Interface? @interface, World? world, int members = 0, int functions = 0)
    {
        Interface = @interface;
        World = world;
        if (@interface is not null)
        {
            // An interface's types are declared into its own map (in declaration order, as it lists them).
            @interface.Types.EnsureCapacity(members - functions);
            _declaredTypes = @interface.Types;
        }
        else
        {
            _types = new Dictionary<string, TypeDefinition>(members - functions);
        }

        FunctionCount = functions;
        _functions.Capacity = functions;
    }

    /// <summary>How many functions the body declares (their list is made that large at once).</summary>
    public int FunctionCount { get; }

    public Interface? Interface { get; }

    public World? World { get; }

    public TypeOwner Owner => new(Interface, World);

    /// <summary>
    /// A world's types by name (an interface's are its own <see cref="Semantics.Interface.Types"/>, declared there and
    /// read from there, without a table of the same names and definitions beside it).
    /// </summary>
    private readonly Dictionary<string, TypeDefinition>? _types;

    private readonly NameMap<TypeDefinition>? _declaredTypes;

    /// <summary>Declares the type <paramref name="name"/> of the body (a name not declared before, see <see cref="TryGetDeclared"/>).</summary>
    public void DeclareType(string name, TypeDefinition definition)
    {
        if (_declaredTypes is not null) _declaredTypes.Set(name, definition);
        else _types![name] = definition;
    }

    /// <summary>
    /// Declares the type <paramref name="name"/> of the body unless the name is declared already, in one hash operation
    /// where <see cref="TryGetDeclared"/> and <see cref="DeclareType"/> take two (a body of 250,000 types spent a tenth
    /// of its declaring in the second).
    /// </summary>
    public bool TryDeclareType(string name, TypeDefinition definition) => TryDeclareType(name, NameMap<TypeDefinition>.Hash(name), definition);

    /// <summary><see cref="TryDeclareType(string, TypeDefinition)"/> of a name whose <see cref="NameMap{T}.Hash"/> is known.</summary>
    public bool TryDeclareType(string name, uint hash, TypeDefinition definition)
    {
        if (_declaredTypes is not null) return _declaredTypes.TryAdd(name, hash, definition);
#if NET
        return _types!.TryAdd(name, definition);
#else
        if (_types!.ContainsKey(name)) return false;
        _types.Add(name, definition);
        return true;
#endif
    }

    /// <summary>Starts reading where a lookup of a type's name of <paramref name="hash"/> will read (<see cref="NameMap{T}.Prefetch"/>; an interface's map only).</summary>
    public void PrefetchType(uint hash) => _declaredTypes?.Prefetch(hash);

    /// <summary>The type named <paramref name="name"/> in the body.</summary>
    public bool TryGetType(string name, out TypeDefinition definition) =>
        _types?.TryGetValue(name, out definition!) ?? _declaredTypes!.TryGetValue(name, out definition);

    /// <summary><see cref="TryGetType(string, out TypeDefinition)"/> of a name whose <see cref="NameMap{T}.Hash"/> is known (a world's dictionary hashes it again).</summary>
    private bool TryGetType(string name, uint hash, out TypeDefinition definition) =>
        _types?.TryGetValue(name, out definition!) ?? _declaredTypes!.TryGetValue(name, hash, out definition);

    /// <summary>Notes a freestanding function declared (in declaration order, while functions are resolved).</summary>
    public void DeclareFunction(string name) => _functions.Add(name);

    /// <summary>
    /// Whether a freestanding function named <paramref name="name"/> is declared so far. Only a name that is no type
    /// asks (an error), so the names are hashed then, the new ones since the last question: a body of 25,000
    /// functions hashed each name on declaring it.
    /// </summary>
    public bool IsFunction(string name)
    {
        for (; _functionsHashed < _functions.Count; _functionsHashed++) _functionSet.Add(_functions[_functionsHashed]);
        return _functionSet.Contains(name);
    }

    private readonly List<string> _functions = new();
    private readonly HashSet<string> _functionSet = new();
    private int _functionsHashed;

    public HashSet<string> ExcludedTypes { get; } = new();

    /// <summary>
    /// Where the type <paramref name="name"/> was declared in the body so far, as a span of the body's file (one file
    /// per scope): its definition's location. Functions are declared after every type, as they are resolved (an
    /// interface's go straight into its map of functions, where a later one of the same name finds the first).
    /// </summary>
    public bool TryGetDeclared(string name, out Text.TextSpan span) => TryGetDeclared(name, NameMap<TypeDefinition>.Hash(name), out span);

    /// <summary><see cref="TryGetDeclared(string, out Text.TextSpan)"/> of a name whose <see cref="NameMap{T}.Hash"/> is known.</summary>
    public bool TryGetDeclared(string name, uint hash, out Text.TextSpan span)
    {
        if (TryGetType(name, hash, out var type))
        {
            span = type.StoredLocation.Span;
            return true;
        }

        span = default;
        return false;
    }
}
