using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary><c>enum name { a, b }</c>.</summary>
public sealed class EnumSyntax : WitNode
{
    internal EnumSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    /// <summary>The declared name, or null when it is missing.</summary>
    public SyntaxToken? Name => Token(SyntaxKind.IdentifierToken);

    public IEnumerable<EnumCaseSyntax> Cases => ListItems<EnumCaseSyntax>(SyntaxKind.EnumCaseList);
}
