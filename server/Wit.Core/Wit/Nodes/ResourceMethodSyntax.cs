using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary><c>name: func(...)</c> inside a resource: a method with an implicit <c>self</c>.</summary>
public sealed class ResourceMethodSyntax : WitNode
{
    internal ResourceMethodSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    /// <summary>The declared name, or null when it is missing.</summary>
    public SyntaxToken? Name => Token(SyntaxKind.IdentifierToken);

    public FunctionTypeSyntax? FunctionType => Child<FunctionTypeSyntax>();
}
