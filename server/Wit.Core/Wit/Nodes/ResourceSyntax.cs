using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary><c>resource name;</c> or <c>resource name { ... }</c> with constructor, methods and static functions.</summary>
public sealed class ResourceSyntax : WitNode
{
    internal ResourceSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    /// <summary>The declared name, or null when it is missing.</summary>
    public SyntaxToken? Name => Token(SyntaxKind.IdentifierToken);

    /// <summary>Constructors, methods and static functions, in order.</summary>
    public IEnumerable<WitNode> Members => ListItems<WitNode>(SyntaxKind.ResourceBody);
}
