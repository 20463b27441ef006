using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary><c>name: ty</c> in a parameter list.</summary>
public sealed class ParameterSyntax : WitNode
{
    internal ParameterSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    /// <summary>The declared name, or null when it is missing.</summary>
    public SyntaxToken? Name => Token(SyntaxKind.IdentifierToken);

    public TypeSyntax? Type => Child<TypeSyntax>();
}
