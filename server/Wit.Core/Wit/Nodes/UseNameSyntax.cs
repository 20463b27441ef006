using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary>One name of a <c>use</c> list, with its optional <c>as</c> rename.</summary>
public sealed class UseNameSyntax : WitNode
{
    internal UseNameSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    public SyntaxToken? Name => Token(SyntaxKind.IdentifierToken);

    /// <summary>The local name after <c>as</c>, when there is one.</summary>
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
