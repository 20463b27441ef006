using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary>One case of an <c>enum</c>.</summary>
public sealed class EnumCaseSyntax : WitNode
{
    internal EnumCaseSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    /// <summary>The declared name, or null when it is missing.</summary>
    public SyntaxToken? Name => Token(SyntaxKind.IdentifierToken);
}
