using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary>A type expression: a primitive, a name, or a constructed type (<c>list</c>, <c>option</c>, <c>result</c>, <c>tuple</c>, <c>map</c>, <c>borrow</c>, <c>own</c>, <c>future</c>, <c>stream</c>, <c>error-context</c>).</summary>
public sealed class TypeSyntax : WitNode
{
    internal TypeSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    /// <summary>The keyword that starts the type, or the name of a named type.</summary>
    public SyntaxToken? Head => Syntax.FirstToken();

    /// <summary>The referenced name of a named type, or of the resource inside <c>borrow&lt;&gt;</c>/<c>own&lt;&gt;</c>.</summary>
    public SyntaxToken? Name => Kind == SyntaxKind.NamedType ? Token(SyntaxKind.IdentifierToken) : null;

    /// <summary>The type arguments in order (for <c>result&lt;_, E&gt;</c> only <c>E</c>).</summary>
    public IEnumerable<TypeSyntax> Arguments => Children<TypeSyntax>();

    /// <summary>True for <c>result&lt;_, E&gt;</c>.</summary>
    public bool HasOmittedOk => Token(SyntaxKind.UnderscoreKeyword) is not null;

    /// <summary>The length of a fixed-length <c>list&lt;T, N&gt;</c>, or null.</summary>
    public SyntaxToken? FixedLength => Kind == SyntaxKind.ListType ? Token(SyntaxKind.IntegerToken) : null;
}
