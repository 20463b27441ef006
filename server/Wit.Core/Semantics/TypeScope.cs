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

    /// <summary>
    /// A world's types by name (an interface's are its own <see cref="Semantics.Interface.Types"/>, declared there and
    /// read from there, without a table of the same names and definitions beside it).
    /// </summary>
    private readonly Dictionary<string, TypeDefinition>? _types;

    private readonly NameMap<TypeDefinition>? _declaredTypes;

    /// <summary>Declares the type <paramref name="name"/> of the body (a name not declared before, see <see cref="Declared"/>).</summary>
    public void DeclareType(string name, TypeDefinition definition)
    {
        if (_declaredTypes is not null) _declaredTypes.Set(name, definition);
        else _types![name] = definition;
    }

    /// <summary>The type named <paramref name="name"/> in the body.</summary>
    public bool TryGetType(string name, out TypeDefinition definition) =>
        _types?.TryGetValue(name, out definition!) ?? _declaredTypes!.TryGetValue(name, out definition);

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
