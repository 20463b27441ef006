using Wit.Core.Semantics;
using Wit.Ide.Analysis;

namespace Wit.Ide.Symbols;

/// <summary>
/// A resolved symbol: the model object (<see cref="TypeDefinition"/>, <see cref="Interface"/>, <see cref="World"/>,
/// <see cref="Function"/>, <see cref="Package"/>, or a <see cref="NamedType"/> member: record field, variant, enum or
/// flags case, function parameter), where it is declared, the analysis it came from, and what contains it.
/// </summary>
public sealed class SymbolTarget
{
    public SymbolTarget(object symbol, SourceLocation? declaration, RootAnalysis analysis, object? container = null)
    {
        Symbol = symbol;
        Declaration = declaration;
        Analysis = analysis;
        Container = container;
    }

    public object Symbol { get; }

    /// <summary>The declaring name's location; null for symbols without one (e.g. the implicit <c>self</c>).</summary>
    public SourceLocation? Declaration { get; }

    public RootAnalysis Analysis { get; }

    /// <summary>
    /// What the symbol belongs to: the <see cref="TypeDefinition"/> of a field or case, the <see cref="Function"/> of a
    /// parameter, the <see cref="Interface"/> or <see cref="World"/> of a type or function; null for top-level items.
    /// </summary>
    public object? Container { get; }

    public SymbolKey? Key => SymbolKey.Of(Declaration);

    /// <summary>The symbol's plain name as declared (escapes removed).</summary>
    public string Name => Symbol switch
    {
        TypeDefinition type => type.Name ?? type.ToString(),
        Interface @interface => @interface.Name ?? "<inline interface>",
        World world => world.Name,
        Function function => function.ItemName,
        Package package => package.Name.ToString(),
        NamedType member => member.Name,
        _ => Symbol.ToString() ?? string.Empty,
    };
}
