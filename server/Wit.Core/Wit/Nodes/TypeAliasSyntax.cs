using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary><c>type name = ty;</c>.</summary>
public sealed class TypeAliasSyntax : WitNode
{
    internal TypeAliasSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    /// <summary>The declared name, or null when it is missing.</summary>
    public SyntaxToken? Name => Token(SyntaxKind.IdentifierToken);

    public TypeSyntax? Type => Child<TypeSyntax>();
}
