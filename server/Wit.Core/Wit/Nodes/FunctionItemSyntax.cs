using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary><c>name: func(...) -&gt; ty;</c> in an interface.</summary>
public sealed class FunctionItemSyntax : WitNode
{
    internal FunctionItemSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    /// <summary>The declared name, or null when it is missing.</summary>
    public SyntaxToken? Name => Token(SyntaxKind.IdentifierToken);

    public FunctionTypeSyntax? FunctionType => Child<FunctionTypeSyntax>();
}
