using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary><c>name: static func(...)</c> inside a resource.</summary>
public sealed class ResourceStaticFunctionSyntax : WitNode
{
    internal ResourceStaticFunctionSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    /// <summary>The declared name, or null when it is missing.</summary>
    public SyntaxToken? Name => Token(SyntaxKind.IdentifierToken);

    public FunctionTypeSyntax? FunctionType => Child<FunctionTypeSyntax>();
}
