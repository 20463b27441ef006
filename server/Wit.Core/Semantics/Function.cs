using System.Collections.Generic;

namespace Wit.Core.Semantics;

/// <summary>
/// A resolved function: a freestanding function or a resource member, named as the component model names it
/// (<c>[method]r.f</c>, <c>[static]r.f</c>, <c>[constructor]r</c>). Methods carry their implicit <c>self</c>.
/// </summary>
public sealed class Function
{
    internal Function(string name, FunctionKind kind)
    {
        Name = name;
        Kind = kind;
    }

    public string Name { get; }

    public FunctionKind Kind { get; }

    /// <summary>The resource of a method, static function or constructor.</summary>
    public TypeDefinition? Resource { get; internal set; }

    public IReadOnlyList<NamedType> Parameters { get; internal set; } = System.Array.Empty<NamedType>();

    public WitType? Result { get => _result.Value; internal set => _result = new StoredType(value); }

    private StoredType _result;

    public string? Docs { get => DocsSource.Read(_docs); internal set => _docs = value; }

    /// <summary>The docs as stored: a string, a <see cref="Semantics.DocsSource"/> read on first use, or null.</summary>
    internal object? DocsOrSource { get => _docs; set => _docs = value; }

    private object? _docs;

    public Stability Stability { get; internal set; } = Stability.Unknown;

    public SourceLocation? Location { get => _location.Value; internal set => _location = new StoredLocation(value); }

    private StoredLocation _location;

    /// <summary>The location as stored (a document and a span), set and read without a <see cref="SourceLocation"/> object.</summary>
    internal StoredLocation StoredLocation { get => _location; set => _location = value; }

    public bool IsAsync => Kind is FunctionKind.AsyncFreestanding or FunctionKind.AsyncMethod or FunctionKind.AsyncStatic;

    /// <summary>The name as written in WIT (<c>f</c> for <c>[method]r.f</c>).</summary>
    public string ItemName
    {
        get
        {
            int bracket = Name.IndexOf(']');
            if (bracket < 0) return Name;
            string rest = Name.Substring(bracket + 1);
            int dot = rest.IndexOf('.');
            return dot < 0 ? rest : rest.Substring(dot + 1);
        }
    }

    public override string ToString() => Name;
}
