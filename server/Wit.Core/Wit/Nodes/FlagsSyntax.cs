using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary><c>flags name { a, b }</c>.</summary>
public sealed class FlagsSyntax : WitNode
{
    internal FlagsSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    /// <summary>The declared name, or null when it is missing.</summary>
    public SyntaxToken? Name => Token(SyntaxKind.IdentifierToken);

    public IEnumerable<FlagsMemberSyntax> Members => ListItems<FlagsMemberSyntax>(SyntaxKind.FlagsMemberList);
}
