using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary><c>variant name { case, case(ty) }</c>.</summary>
public sealed class VariantSyntax : WitNode
{
    internal VariantSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    /// <summary>The declared name, or null when it is missing.</summary>
    public SyntaxToken? Name => Token(SyntaxKind.IdentifierToken);

    public IEnumerable<VariantCaseSyntax> Cases => ListItems<VariantCaseSyntax>(SyntaxKind.VariantCaseList);
}
