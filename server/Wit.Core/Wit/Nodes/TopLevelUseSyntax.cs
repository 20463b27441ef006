using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary><c>use ns:pkg/iface@version as name;</c> at the top of a file.</summary>
public sealed class TopLevelUseSyntax : WitNode
{
    internal TopLevelUseSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    public UsePathSyntax? Path => Child<UsePathSyntax>();

    /// <summary>The name after <c>as</c>, when there is one.</summary>
    public SyntaxToken? Alias
    {
        get
        {
            bool afterAs = false;
            foreach (var token in Syntax.ChildTokens())
            {
                if (token.Kind == SyntaxKind.AsKeyword) afterAs = true;
                else if (afterAs && token.Kind == SyntaxKind.IdentifierToken && !token.IsMissing) return token;
            }

            return null;
        }
    }
}
