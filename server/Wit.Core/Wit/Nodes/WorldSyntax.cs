using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary><c>world name { ... }</c>.</summary>
public sealed class WorldSyntax : WitNode
{
    internal WorldSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    /// <summary>The declared name, or null when it is missing.</summary>
    public SyntaxToken? Name => Token(SyntaxKind.IdentifierToken);

    public IEnumerable<WitNode> Members => ListItems<WitNode>(SyntaxKind.WorldBody);
}
