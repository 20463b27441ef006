using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary><c>a as b</c> in an include's <c>with</c> list.</summary>
public sealed class IncludeNameSyntax : WitNode
{
    internal IncludeNameSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    public SyntaxToken? Name => Token(SyntaxKind.IdentifierToken);

    public SyntaxToken? Alias
    {
        get
        {
            int index = 0;
            foreach (var token in Tokens(SyntaxKind.IdentifierToken))
            {
                if (index++ == 1) return token;
            }

            return null;
        }
    }
}
